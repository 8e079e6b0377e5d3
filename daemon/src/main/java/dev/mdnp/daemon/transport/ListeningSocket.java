package dev.mdnp.daemon.transport;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening channel of one {@link UnixSocketServer} and what releasing it means: an own socket's file is removed
 * and its channel closed; an inherited socket is left as it is, to its owner.
 *
 * <p>Thread safety: {@link #release()} may run on any thread, once.
 */
final class ListeningSocket {

    private static final Logger log = LoggerFactory.getLogger(ListeningSocket.class);

    private final ServerSocketChannel channel;
    private final String description;
    private final Runnable release;

    private ListeningSocket(ServerSocketChannel channel, String description, Runnable release) {
        this.channel = requireNonNull(channel, "channel");
        this.description = requireNonNull(description, "description");
        this.release = requireNonNull(release, "release");
    }

    /**
     * Binds an own socket, or takes an inherited one as it is; the channel is returned in blocking mode.
     *
     * @throws SocketInUseException if a live server answers on an own socket's path
     * @throws java.nio.file.FileAlreadyExistsException if an own socket's path exists and is not a socket
     * @throws IOException if an own socket cannot be made
     */
    static ListeningSocket open(ListenSource source, int backlog) throws IOException {
        if (source instanceof ListenSource.Inherited inherited) {
            return new ListeningSocket(inherited.channel(), "inherited", () -> { });
        }
        ListenSource.OwnSocket own = (ListenSource.OwnSocket) source;
        SocketFile file = new SocketFile(own.path(), own.mode());
        ServerSocketChannel channel = file.bind(backlog);
        return new ListeningSocket(channel, "mode=" + PosixFilePermissions.toString(own.mode()) + " backlog=" + backlog,
                () -> {
                    file.unlink();
                    try {
                        channel.close();
                    } catch (IOException e) {
                        log.warn("closing listening socket failed path={}", own.path(), e);
                    }
                });
    }

    /** Returns the listening channel. */
    ServerSocketChannel channel() {
        return channel;
    }

    /** Returns how the socket came about, for the log: its mode and backlog, or {@code inherited}. */
    String description() {
        return description;
    }

    /** Removes an own socket's file and closes its channel, so that new clients fail at once; never throws. */
    void release() {
        release.run();
    }
}
