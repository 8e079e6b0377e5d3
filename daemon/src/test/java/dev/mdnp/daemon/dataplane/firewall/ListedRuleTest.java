package dev.mdnp.daemon.dataplane.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListedRuleTest {

    @Test
    void aTaggedRuleNamesItsBridgeAndChain() {
        ListedRule rule = new ListedRule(IpFamily.IPV4, "filter",
                "-A MDNP-FORWARD -o br0 -m conntrack --ctstate RELATED,ESTABLISHED -m comment --comment \"mdnp:br0\""
                        + " -j ACCEPT");

        assertThat(rule.bridge()).contains("br0");
        assertThat(rule.chain()).isEqualTo("MDNP-FORWARD");
        assertThat(rule.inOwnChain()).isTrue();
    }

    @Test
    void anUnquotedTagAtTheEndIsRead() {
        ListedRule rule = new ListedRule(IpFamily.IPV6, "filter", "-A MDNP-FORWARD -j ACCEPT --comment mdnp:br1");

        assertThat(rule.bridge()).contains("br1");
    }

    @Test
    void theJumpHasNoBridgeAndIsNotInTheOwnChain() {
        ListedRule jump = new ListedRule(IpFamily.IPV4, "filter", "-A FORWARD -j MDNP-FORWARD");

        assertThat(jump.bridge()).isEmpty();
        assertThat(jump.chain()).isEqualTo("FORWARD");
        assertThat(jump.inOwnChain()).isFalse();
    }

    @Test
    void anotherToolsCommentIsNoTag() {
        ListedRule rule = new ListedRule(IpFamily.IPV4, "filter",
                "-A MDNP-FORWARD -i x -m comment --comment \"other:br0\" -j ACCEPT");

        assertThat(rule.bridge()).isEmpty();
    }
}
