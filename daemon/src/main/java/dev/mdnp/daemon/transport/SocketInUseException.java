package dev.mdnp.daemon.transport;

import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by {@link UnixSocketServer#start} when a live server already answers on the socket path. The existing socket
 * file is left untouched.
 */
public final class SocketInUseException extends IOException {

    private final transient Path socketPath;

    /**
     * Creates the exception for a path that answered a probe connection.
     *
     * @param socketPath the socket path some other process serves
     * @param cause why the probe counted as an answer, or {@code null} when the probe connected
     */
    public SocketInUseException(Path socketPath, @Nullable Throwable cause) {
        super("another process already serves " + socketPath + "; stop it or choose another --name", cause);
        this.socketPath = socketPath;
    }

    /** Returns the socket path that is in use. */
    public Path socketPath() {
        return socketPath;
    }
}
