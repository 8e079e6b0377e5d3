package dev.mdnp.daemon.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkAliasesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "mdnp:a:0123456789ab", "free text, with spaces: and / slashes", "é"})
    void acceptsWhatTheKernelStoresWhole(String alias) {
        assertThat(LinkAliases.require(alias)).isEqualTo(alias);
    }

    @Test
    void acceptsUpTo255Bytes() {
        assertThat(LinkAliases.require("a".repeat(255))).hasSize(255);
        assertThat(LinkAliases.require("a" + "é".repeat(127))).hasSize(128);
    }

    @Test
    void countsBytesNotCharacters() {
        String alias = "é".repeat(128);

        assertThatThrownBy(() -> LinkAliases.require(alias))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("link alias \"" + "é".repeat(40) + "...\" is 256 bytes long; Linux allows at most 255");
    }

    @Test
    void refusesNul() {
        assertThatThrownBy(() -> LinkAliases.require("mdnp:a\0b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("link alias \"mdnp:a\0b\" contains NUL");
    }
}
