package dev.mdnp.daemon.dataplane.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
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

    @Test
    void subnetsAreMaskedAndWrittenCanonically() {
        NetworkRules rules = new NetworkRules("br0", List.of("10.99.0.7/24"), List.of("FD99:0::7/64"), false, true,
                true, GatewayMode.NAT, GatewayMode.NAT);

        assertThat(rules.ipv4Subnets()).containsExactly("10.99.0.0/24");
        assertThat(rules.ipv6Subnets()).containsExactly("fd99:0:0:0:0:0:0:0/64");
        assertThat(rules.subnets(IpFamily.IPV6)).isEqualTo(rules.ipv6Subnets());
        assertThat(rules.ipv6()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fd99::/64", "10.99.0.0", "localhost/24", "10.99.0.0/33"})
    void rejectsAnIpv4SubnetThatIsNotOne(String subnet) {
        assertThatIllegalArgumentException().isThrownBy(() -> new NetworkRules("br0", List.of(subnet), List.of(),
                false, true, true, GatewayMode.NAT, GatewayMode.NAT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.99.0.0/24", "fd99::", "fd99::/129"})
    void rejectsAnIpv6SubnetThatIsNotOne(String subnet) {
        assertThatIllegalArgumentException().isThrownBy(() -> new NetworkRules("br0", List.of(), List.of(subnet),
                false, true, true, GatewayMode.NAT, GatewayMode.NAT));
    }

    @Test
    void aNetworkWithoutIpv6SubnetsHasNoIpv6() {
        assertThat(NetworkRules.bridgeOnly("br0").ipv6()).isFalse();
    }

    @Test
    void modesArePerFamily() {
        NetworkRules rules = new NetworkRules("br0", List.of(), List.of(), false, true, true, GatewayMode.ROUTED,
                GatewayMode.NAT);

        assertThat(rules.mode(IpFamily.IPV4)).isEqualTo(GatewayMode.ROUTED);
        assertThat(rules.mode(IpFamily.IPV6)).isEqualTo(GatewayMode.NAT);
    }

    @Test
    void copiesTheSubnetLists() {
        List<String> subnets = new ArrayList<>(List.of("10.99.0.0/24"));
        NetworkRules rules = new NetworkRules("br0", subnets, List.of(), false, true, true, GatewayMode.NAT,
                GatewayMode.NAT);

        subnets.clear();

        assertThat(rules.ipv4Subnets()).hasSize(1);
    }

    @Test
    void rejectsNullModes() {
        assertThatNullPointerException().isThrownBy(() -> new NetworkRules("br0",
                List.of(), List.of(), false, true, true, null, GatewayMode.NAT));
    }
}
