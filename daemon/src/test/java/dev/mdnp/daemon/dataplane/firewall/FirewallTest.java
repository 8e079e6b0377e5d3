package dev.mdnp.daemon.dataplane.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirewallTest {

    @TempDir
    Path scratch;

    @Test
    void aTimeoutNotLongerThanTheLockWaitIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Firewall.iptables(FirewallVariants.INSTANCE, List.of(), Duration.ofSeconds(5),
                        CommandListener.NONE, scratch))
                .withMessageContaining("lock wait");
    }

    @Test
    void theFactoryChangesNothingUntilUsed() {
        assertThat(Firewall.iptables(FirewallVariants.INSTANCE, List.of("false"), Duration.ofSeconds(6),
                CommandListener.NONE, scratch)).isNotNull();
    }
}
