package dev.mdnp.daemon.transport;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Set;

/**
 * Settings of one {@link UnixSocketServer}.
 *
 * @param socketPath where the socket file appears; made absolute and normalized; at most {@value #MAX_PATH_BYTES}
 *     bytes, because {@code sun_path} holds 108 including the terminating NUL; a missing parent directory is created
 *     with mode 0755
 * @param fileMode the exact mode of the socket file; connecting needs write permission, and the owner must keep
 *     read and write
 * @param backlog the listen backlog, at least 1; the kernel caps it at {@code net.core.somaxconn}. Pass it
 *     explicitly (1024 for the plugin socket): with a small backlog a non-blocking AF_UNIX connect fails with
 *     {@code EAGAIN} instead of waiting
 * @param ioThreads how many selector threads serve connections, at least 1; the first one also accepts
 * @param workerThreads the size of the task pool that runs dispatched and blocking handlers, at least 1
 * @param peerPolicy who may connect, checked on every accepted connection
 * @param shutdownGrace how long {@link UnixSocketServer#close()} waits for requests in flight; zero or more
 */
public record UnixSocketServerConfig(
        Path socketPath,
        Set<PosixFilePermission> fileMode,
        int backlog,
        int ioThreads,
        int workerThreads,
        PeerPolicy peerPolicy,
        Duration shutdownGrace) {

    /** The longest socket path in bytes: {@code sun_path} holds 108 bytes including the terminating NUL. */
    public static final int MAX_PATH_BYTES = 107;

    /** Validates every component and copies the mode; throws {@link IllegalArgumentException} on a bad value. */
    public UnixSocketServerConfig {
        requireNonNull(socketPath, "socketPath");
        requireNonNull(fileMode, "fileMode");
        requireNonNull(peerPolicy, "peerPolicy");
        requireNonNull(shutdownGrace, "shutdownGrace");
        socketPath = socketPath.toAbsolutePath().normalize();
        fileMode = Set.copyOf(fileMode);
        int pathBytes = socketPath.toString().getBytes(StandardCharsets.UTF_8).length;
        if (pathBytes > MAX_PATH_BYTES) {
            throw new IllegalArgumentException("socket path " + socketPath + " is " + pathBytes
                    + " bytes long; at most " + MAX_PATH_BYTES + " fit in sun_path");
        }
        if (socketPath.getParent() == null) {
            throw new IllegalArgumentException("socket path " + socketPath + " has no parent directory");
        }
        if (!fileMode.contains(PosixFilePermission.OWNER_READ) || !fileMode.contains(PosixFilePermission.OWNER_WRITE)) {
            throw new IllegalArgumentException("socket file mode must give its owner read and write: " + fileMode);
        }
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
}
