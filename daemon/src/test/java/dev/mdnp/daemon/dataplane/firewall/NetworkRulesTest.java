package dev.mdnp.daemon.dataplane.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"b", "mdnp-1a2b3c4d5e", "br_0.10", "0br-x"})
    void acceptsNamesIptablesMatchesExactly(String bridge) {
        assertThat(NetworkRules.bridgeOnly(bridge).bridge()).isEqualTo(bridge);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "mdnp-1a2b3c4d5e6f", "br+", "br*", "-br", ".br", "!", "br 0", "br/0", "br:0",
            "br\"0", "brü"})
    void rejectsOtherNames(String bridge) {
        assertThatIllegalArgumentException().isThrownBy(() -> NetworkRules.bridgeOnly(bridge))
                .withMessageContaining("bridge name");
    }
}
