package dev.mdnp.daemon.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.mdnp.daemon.dataplane.PortBinding.Target;
import dev.mdnp.daemon.dataplane.firewall.GatewayMode;
import dev.mdnp.daemon.dataplane.firewall.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortBindingTest {

    private static final BridgeSpec V4 = network(false, GatewayMode.NAT, GatewayMode.NAT);
    private static final BridgeSpec DUAL = network(true, GatewayMode.NAT, GatewayMode.NAT);

    @Test
    void everyAddressOnAnIpv4NetworkIsIpv4AnyHeldOnIpv4Any() {
        PortBinding binding = PortBinding.of(endpoint(V4, "10.0.0.2", ""), request(""));

        assertThat(binding.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(binding.targets()).containsExactly(new Target("0.0.0.0", "10.0.0.2", false));
    }

    @Test
    void everyAddressOnADualStackNetworkIsBothFamiliesHeldByOneDualStackSocket() {
        PortBinding binding = PortBinding.of(endpoint(DUAL, "10.0.0.2", "fd00::2"), request(""));

        assertThat(binding.bindAddress()).isEqualTo("::");
        assertThat(binding.targets()).containsExactly(new Target("0.0.0.0", "10.0.0.2", false),
                new Target("::", "fd00::2", false));
    }

    @Test
    void oneAddressMeansItsFamilyOnly() {
        assertThat(PortBinding.of(endpoint(DUAL, "10.0.0.2", "fd00::2"), request("127.0.0.1")).targets())
                .containsExactly(new Target("127.0.0.1", "10.0.0.2", false));
        assertThat(PortBinding.of(endpoint(DUAL, "10.0.0.2", "fd00::2"), request("fd00:1::5")).targets())
                .containsExactly(new Target("fd00:1:0:0:0:0:0:5", "fd00::2", false));
        assertThat(PortBinding.of(endpoint(DUAL, "10.0.0.2", "fd00::2"), request("::")).targets())
                .containsExactly(new Target("::", "fd00::2", false));
    }

    @Test
    void aRoutedFamilyTakesNoHostPort() {
        BridgeSpec routedV4 = network(true, GatewayMode.ROUTED, GatewayMode.NAT);

        PortBinding binding = PortBinding.of(endpoint(routedV4, "10.0.0.2", "fd00::2"), request(""));

        assertThat(binding.targets()).containsExactly(new Target("0.0.0.0", "10.0.0.2", true),
                new Target("::", "fd00::2", false));
        assertThat(binding.bindAddress()).isEqualTo("::");
        assertThat(PortBinding.of(endpoint(network(false, GatewayMode.ROUTED, GatewayMode.NAT), "10.0.0.2", ""),
                request("")).bindAddress()).isEmpty();
    }

    @Test
    void anAddressOfAFamilyTheEndpointLacksIpv6LoopbackAndNamesAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PortBinding.of(endpoint(V4, "10.0.0.2", ""), request("fd00::5")))
                .withMessageContaining("no IPv6 address");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PortBinding.of(endpoint(DUAL, "10.0.0.2", "fd00::2"), request("::1")))
                .withMessageContaining("IPv6 loopback");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PortBinding.of(endpoint(V4, "10.0.0.2", ""), request("localhost")))
                .withMessageContaining("is not a numeric IP address");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PortBinding.of(endpoint(V4, "", ""), request("")))
                .withMessageContaining("no address");
    }

    private static PortRequest request(String hostIp) {
        return new PortRequest(Protocol.TCP, 80, hostIp, 8080, 0);
    }

    private static EndpointPorts endpoint(BridgeSpec network, String ipv4, String ipv6) {
        return new EndpointPorts(network, "ep1", ipv4, ipv6);
    }

    private static BridgeSpec network(boolean ipv6, GatewayMode ipv4Mode, GatewayMode ipv6Mode) {
        List<IpPrefix> subnets = ipv6 ? List.of(IpPrefix.parse("10.0.0.0/24"), IpPrefix.parse("fd00::/64"))
                : List.of(IpPrefix.parse("10.0.0.0/24"));
        return new BridgeSpec("mdnptb", 0, List.of(), subnets, new Traffic(false, true, true, ipv4Mode, ipv6Mode));
    }
}
