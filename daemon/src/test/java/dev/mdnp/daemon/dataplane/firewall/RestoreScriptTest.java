package dev.mdnp.daemon.dataplane.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RestoreScriptTest {

    private static final RuleLine JUMP = RuleLine.append("filter", "FORWARD", List.of("-m", "comment", "--comment",
            "mdnp", "-j", "MDNP-FORWARD"));
    private static final RuleLine ACCEPT = RuleLine.append("filter", "MDNP-FORWARD", List.of("-i", "br0", "-o",
            "br0", "-m", "comment", "--comment", "mdnp:br0", "-j", "ACCEPT"));
    private static final RuleLine MASQUERADE = RuleLine.append("nat", "MDNP-POSTROUTING", List.of("-s",
            "10.99.0.0/24", "!", "-o", "br0", "-m", "comment", "--comment", "mdnp:br0", "-j", "MASQUERADE"));

    @Test
    void aNewScriptIsEmptyAndRendersNothing() {
        RestoreScript script = new RestoreScript();

        assertThat(script.isEmpty()).isTrue();
        assertThat(script.render()).isEmpty();
    }

    @Test
    void eachTableIsOneSectionEndingInCommit() {
        String text = new RestoreScript().append(ACCEPT).append(MASQUERADE).append(JUMP).render();

        assertThat(text).isEqualTo("""
                *filter
                -A MDNP-FORWARD -i br0 -o br0 -m comment --comment mdnp:br0 -j ACCEPT
                -A FORWARD -m comment --comment mdnp -j MDNP-FORWARD
                COMMIT
                *nat
                -A MDNP-POSTROUTING -s 10.99.0.0/24 ! -o br0 -m comment --comment mdnp:br0 -j MASQUERADE
                COMMIT
                """);
    }

    @Test
    void declarationsComeFirstThenDeletionsThenChainRemovalsThenAdditions() {
        RestoreScript script = new RestoreScript()
                .append(JUMP)
                .removeChain("filter", "MDNP-OLD")
                .insert(ACCEPT, 1)
                .delete(ACCEPT)
                .declare("filter", "MDNP-FORWARD")
                .declare("filter", "MDNP-OLD")
                .delete(JUMP);

        assertThat(script.isEmpty()).isFalse();
        assertThat(script.render()).isEqualTo("""
                *filter
                :MDNP-FORWARD - [0:0]
                :MDNP-OLD - [0:0]
                -D MDNP-FORWARD -i br0 -o br0 -m comment --comment mdnp:br0 -j ACCEPT
                -D FORWARD -m comment --comment mdnp -j MDNP-FORWARD
                -X MDNP-OLD
                -A FORWARD -m comment --comment mdnp -j MDNP-FORWARD
                -I MDNP-FORWARD 1 -i br0 -o br0 -m comment --comment mdnp:br0 -j ACCEPT
                COMMIT
                """);
    }

    @Test
    void tablesKeepTheOrderTheyWereFirstUsedIn() {
        String text = new RestoreScript().declare("raw", "MDNP-PREROUTING").append(MASQUERADE).delete(JUMP)
                .render();

        assertThat(text.lines().filter(line -> line.startsWith("*"))).containsExactly("*raw", "*nat", "*filter");
        assertThat(text.lines().filter("COMMIT"::equals)).hasSize(3);
    }

    @Test
    void quotesACommentWithBlanks() {
        RuleLine rule = RuleLine.append("filter", "X", List.of("-m", "comment", "--comment", "two words", "-j",
                "ACCEPT"));

        assertThat(new RestoreScript().append(rule).render())
                .contains("-A X -m comment --comment \"two words\" -j ACCEPT\n");
    }
}
