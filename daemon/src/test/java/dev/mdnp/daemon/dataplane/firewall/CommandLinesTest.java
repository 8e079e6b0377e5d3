package dev.mdnp.daemon.dataplane.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLinesTest {

    @Test
    void plainArgumentsAreJoinedWithBlanks() {
        assertThat(CommandLines.render(List.of("iptables", "-w", "5", "!", "-o", "br0")))
                .isEqualTo("iptables -w 5 ! -o br0");
    }

    @Test
    void emptyBlankOrQuotedArgumentsAreQuoted() {
        assertThat(CommandLines.render(List.of("sh", "-c", "echo \"x\"", "")))
                .isEqualTo("sh -c \"echo \\\"x\\\"\" \"\"");
    }
}
