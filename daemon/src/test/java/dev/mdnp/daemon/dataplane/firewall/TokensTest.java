package dev.mdnp.daemon.dataplane.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TokensTest {

    static List<List<String>> wordLists() {
        return List.of(
                List.of("-A", "FORWARD", "-j", "MDNP-FORWARD"),
                List.of("-m", "comment", "--comment", "two words", "-j", "ACCEPT"),
                List.of("--comment", "say \"hi\""),
                List.of("--comment", "back\\slash"),
                List.of("--comment", "tab\there"),
                List.of("--comment", ""),
                List.of("--comment", "\\\"", "x"),
                List.of());
    }

    @ParameterizedTest
    @MethodSource("wordLists")
    void splitUndoesJoin(List<String> words) {
        assertThat(Tokens.split(Tokens.join(words))).isEqualTo(words);
    }

    @Test
    void splitsOnRunsOfBlanks() {
        assertThat(Tokens.split("  -A  FORWARD\t-j   ACCEPT ")).containsExactly("-A", "FORWARD", "-j", "ACCEPT");
    }

    @Test
    void aQuotedWordKeepsItsBlanks() {
        assertThat(Tokens.split("-m comment --comment \"mdnp test\" -j ACCEPT"))
                .containsExactly("-m", "comment", "--comment", "mdnp test", "-j", "ACCEPT");
    }

    @Test
    void quotesInsideAWordAreRemoved() {
        assertThat(Tokens.split("--comment mdnp\":\"br0")).containsExactly("--comment", "mdnp:br0");
    }

    @Test
    void anEscapedQuoteStaysInTheWord() {
        assertThat(Tokens.split("--comment \"say \\\"hi\\\"\"")).containsExactly("--comment", "say \"hi\"");
    }

    @Test
    void aBackslashOutsideQuotesIsKept() {
        assertThat(Tokens.split("a\\b")).containsExactly("a\\b");
    }

    @Test
    void anEmptyQuotedWordIsAWord() {
        assertThat(Tokens.split("--comment \"\" -j ACCEPT")).containsExactly("--comment", "", "-j", "ACCEPT");
    }

    @Test
    void joinLeavesPlainWordsBare() {
        assertThat(Tokens.join(List.of("-m", "comment", "--comment", "mdnp:br0", "-j", "DNAT", "--to-destination",
                "[fd00::2]:80"))).isEqualTo("-m comment --comment mdnp:br0 -j DNAT --to-destination [fd00::2]:80");
    }

    @Test
    void joinQuotesWhatSplitWouldCut() {
        assertThat(Tokens.join(List.of("two words", "", "a\"b", "c\\d")))
                .isEqualTo("\"two words\" \"\" \"a\\\"b\" \"c\\\\d\"");
    }
}
