package dev.mdnp.daemon.transport;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Set;

/**
 * Settings of one {@link UnixSocketServer}.
 *
 * @param listen the listening socket: one the server binds and owns, or one it was handed
 * @param backlog the listen backlog of an own socket, at least 1; the kernel caps it at {@code net.core.somaxconn}.
 *     Pass it explicitly (1024 for the plugin socket): with a small backlog a non-blocking AF_UNIX connect fails with
 *     {@code EAGAIN} instead of waiting. An inherited socket keeps the backlog it was created with
 * @param ioThreads how many selector threads serve connections, at least 1; the first one also accepts
 * @param workerThreads the size of the task pool that runs dispatched and blocking handlers, at least 1
 * @param peerPolicy who may connect, checked on every accepted connection
 * @param shutdownGrace how long {@link UnixSocketServer#close()} waits for requests in flight; zero or more
 */
public record UnixSocketServerConfig(
        ListenSource listen,
        int backlog,
        int ioThreads,
        int workerThreads,
        PeerPolicy peerPolicy,
        Duration shutdownGrace) {

    /** The longest socket path in bytes: {@code sun_path} holds 108 bytes including the terminating NUL. */
    public static final int MAX_PATH_BYTES = 107;

    /** Validates every component; throws {@link IllegalArgumentException} on a bad value. */
    public UnixSocketServerConfig {
        requireNonNull(listen, "listen");
        requireNonNull(peerPolicy, "peerPolicy");
        requireNonNull(shutdownGrace, "shutdownGrace");
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be at least 1: " + backlog);
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be at least 1: " + ioThreads);
        }
        if (workerThreads < 1) {
            throw new IllegalArgumentException("workerThreads must be at least 1: " + workerThreads);
        }
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative: " + shutdownGrace);
        }
    }

    /**
     * Settings of a server that binds its own socket at {@code socketPath} with {@code fileMode} (see
     * {@link ListenSource.OwnSocket}).
     */
    public UnixSocketServerConfig(Path socketPath, Set<PosixFilePermission> fileMode, int backlog, int ioThreads,
            int workerThreads, PeerPolicy peerPolicy, Duration shutdownGrace) {
        this(new ListenSource.OwnSocket(socketPath, fileMode), backlog, ioThreads, workerThreads, peerPolicy,
                shutdownGrace);
    }

    /** Returns the path of the socket file. */
    public Path socketPath() {
        return listen.path();
    }
}
