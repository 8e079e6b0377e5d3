package dev.mdnp.daemon.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Validation in {@link UnixSocketServerConfig}'s constructor. */
class UnixSocketServerConfigTest {

    private static final Set<PosixFilePermission> MODE = Set.copyOf(PosixFilePermissions.fromString("rw-------"));

    @Test
    void validConfigKeepsItsValuesAndCopiesTheMode() {
        Set<PosixFilePermission> mode = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        UnixSocketServerConfig config = new UnixSocketServerConfig(Path.of("/run/docker/plugins/mdnp.sock"), mode,
                1024, 1, 16, PeerPolicy.rootOnly(), Duration.ofSeconds(10));
        mode.add(PosixFilePermission.OTHERS_WRITE);

        assertThat(((ListenSource.OwnSocket) config.listen()).mode()).isEqualTo(MODE);
        assertThat(config.socketPath()).isEqualTo(Path.of("/run/docker/plugins/mdnp.sock"));
        assertThat(config.backlog()).isEqualTo(1024);
    }

    @Test
    void relativePathIsMadeAbsolute() {
        UnixSocketServerConfig config = config(Path.of("x.sock"), 1);

        assertThat(config.socketPath().isAbsolute()).isTrue();
    }

    @Test
    void pathThatDoesNotFitSunPathIsRejected() {
        Path longest = Path.of("/" + "a".repeat(UnixSocketServerConfig.MAX_PATH_BYTES - 1));
        assertThat(config(longest, 1).socketPath()).isEqualTo(longest);

        assertThatThrownBy(() -> config(Path.of("/" + "a".repeat(UnixSocketServerConfig.MAX_PATH_BYTES)), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sun_path");
    }

    @Test
    void nonPositiveBacklogIsRejected() {
        assertThatThrownBy(() -> config(Path.of("/tmp/x.sock"), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badThreadCountsModeAndGraceAreRejected() {
        Path path = Path.of("/tmp/x.sock");
        assertThatThrownBy(() -> new UnixSocketServerConfig(path, MODE, 1, 0, 1, PeerPolicy.anyone(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UnixSocketServerConfig(path, MODE, 1, 1, 0, PeerPolicy.anyone(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UnixSocketServerConfig(path, PosixFilePermissions.fromString("r--rw-rw-"), 1, 1,
                1, PeerPolicy.anyone(), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UnixSocketServerConfig(path, MODE, 1, 1, 1, PeerPolicy.anyone(),
                Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rootDirectoryIsNoSocketPath() {
        assertThatThrownBy(() -> config(Path.of("/"), 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static UnixSocketServerConfig config(Path path, int backlog) {
        return new UnixSocketServerConfig(path, MODE, backlog, 1, 1, PeerPolicy.anyone(), Duration.ZERO);
    }
}
