package dev.mdnp.daemon.transport;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Where a {@link UnixSocketServer} gets its listening socket: it binds one of its own, or it serves one it was handed
 * (systemd's socket activation).
 */
public sealed interface ListenSource permits ListenSource.OwnSocket, ListenSource.Inherited {

    /** Returns the path of the socket file. */
    Path path();

    /**
     * A socket the server binds itself and owns: it creates the file with exactly {@code mode} (see {@link SocketFile})
     * and removes it when it stops.
     *
     * @param path where the socket file appears; made absolute and normalized; at most
     *     {@value UnixSocketServerConfig#MAX_PATH_BYTES} bytes, because {@code sun_path} holds 108 including the
     *     terminating NUL; a missing parent directory is created with mode 0755
     * @param mode the exact mode of the socket file; connecting needs write permission, and the owner must keep read
     *     and write
     */
    record OwnSocket(Path path, Set<PosixFilePermission> mode) implements ListenSource {

        /** Validates the path and the mode; throws {@link IllegalArgumentException} on a bad one. */
        public OwnSocket {
            requireNonNull(path, "path");
            requireNonNull(mode, "mode");
            path = path.toAbsolutePath().normalize();
            mode = Set.copyOf(mode);
            int pathBytes = path.toString().getBytes(StandardCharsets.UTF_8).length;
            if (pathBytes > UnixSocketServerConfig.MAX_PATH_BYTES) {
                throw new IllegalArgumentException("socket path " + path + " is " + pathBytes
                        + " bytes long; at most " + UnixSocketServerConfig.MAX_PATH_BYTES + " fit in sun_path");
            }
            if (path.getParent() == null) {
                throw new IllegalArgumentException("socket path " + path + " has no parent directory");
            }
            if (!mode.contains(PosixFilePermission.OWNER_READ) || !mode.contains(PosixFilePermission.OWNER_WRITE)) {
                throw new IllegalArgumentException("socket file mode must give its owner read and write: " + mode);
            }
        }
    }

    /**
     * A socket that is already bound and listening, such as the one systemd passes to an activated service. The server
     * accepts on it but never creates, chmods or removes its file, and never closes the channel: its owner (systemd)
     * keeps it, connections that arrive while no server accepts wait in its backlog, and closing the channel that
     * {@code System.inheritedChannel()} returned would point the process's stdin, stdout and stderr at /dev/null.
     *
     * @param channel the listening channel, bound to a path
     * @param path the path it is bound to
     */
    record Inherited(ServerSocketChannel channel, Path path) implements ListenSource {

        /** Checks that neither is null. */
        public Inherited {
            requireNonNull(channel, "channel");
            requireNonNull(path, "path");
        }

        /**
         * Returns the source for {@code channel}, with the path it is bound to.
         *
         * @throws IllegalArgumentException if it is not bound to a UNIX socket path
         * @throws IOException if its address cannot be read (it is closed)
         */
        public static Inherited of(ServerSocketChannel channel) throws IOException {
            SocketAddress address = channel.getLocalAddress();
            if (!(address instanceof UnixDomainSocketAddress unix) || unix.getPath().toString().isEmpty()) {
                throw new IllegalArgumentException("the inherited socket listens on " + address
                        + ", not on a UNIX socket file");
            }
            return new Inherited(channel, unix.getPath());
        }
    }
}
