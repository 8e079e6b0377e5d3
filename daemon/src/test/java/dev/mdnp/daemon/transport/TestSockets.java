package dev.mdnp.daemon.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/** Fixtures for the transport tests: short socket directories, configurations and facts about this process. */
final class TestSockets {

    private TestSockets() {
    }

    /** Creates a fresh directory with a short path under /tmp; sun_path holds only 108 bytes. */
    static Path newDirectory() throws IOException {
        return Files.createTempDirectory(Path.of("/tmp"), "uds");
    }

    /** Deletes a directory tree, ignoring what is already gone. */
    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** A configuration with mode 0600, backlog 1024, one I/O thread, four workers, anyone admitted, 5 s grace. */
    static UnixSocketServerConfig config(Path socket) {
        return new UnixSocketServerConfig(socket, PosixFilePermissions.fromString("rw-------"), 1024, 1, 4,
                PeerPolicy.anyone(), Duration.ofSeconds(5));
    }

    /** Returns this process's effective uid: the owner of {@code /proc/self}. */
    static int ownUid() throws IOException {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    }

    /** Returns this process's effective gid. */
    static int ownGid() throws IOException {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:gid");
    }

    /** Counts this process's open file descriptors. */
    static long openFileDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Skips the test unless it runs as root; under {@code CI=true} running as anyone else fails instead. */
    static void requireRoot() throws IOException {
        boolean root = ownUid() == 0;
        if ("true".equals(System.getenv("CI"))) {
            assertThat(root).as("CI must run the transport tests as root").isTrue();
        }
        assumeTrue(root, "needs root");
    }
}
