package dev.mdnp.daemon.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"lo", "mdnpt0123456789", "mdnp-1a2b3c", "eth0.100", "vethé"})
    void acceptsWhatTheKernelAccepts(String name) {
        assertThat(LinkNames.require(name)).isEqualTo(name);
    }

    @Test
    void countsBytesNotCharacters() {
        assertThatThrownBy(() -> LinkNames.require("mdnptéééééééé"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("link name \"mdnptéééééééé\" is 21 bytes long; Linux allows at most 15");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a/b", "a:b", "a b", "a\tb", "mdnpt0123456789a"})
    void refusesWhatTheKernelRefuses(String name) {
        assertThatThrownBy(() -> LinkNames.require(name)).isInstanceOf(IllegalArgumentException.class);
    }
}
