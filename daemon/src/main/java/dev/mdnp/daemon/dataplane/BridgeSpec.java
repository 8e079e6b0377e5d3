package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.dataplane.firewall.GatewayMode;
import dev.mdnp.daemon.dataplane.firewall.NetworkRules;
import java.util.List;

/**
 * What a network needs in the kernel: its bridge, the bridge's MTU and gateway addresses, its subnets, and how its
 * traffic is treated (for the firewall).
 *
 * @param bridge the bridge name, at most 15 bytes
 * @param mtu the MTU of the bridge and its ports; 0 for the kernel's default
 * @param gateways the gateway addresses to put on the bridge, with the pool's prefix length
 * @param subnets the network's subnets (its pools), IPv4 and IPv6
 * @param traffic what may leave, enter and cross the network
 */
public record BridgeSpec(String bridge, int mtu, List<IpPrefix> gateways, List<IpPrefix> subnets, Traffic traffic) {

    /** Validates the components and copies the lists. */
    public BridgeSpec {
        requireNonNull(bridge, "bridge");
        gateways = List.copyOf(gateways);
        subnets = List.copyOf(subnets);
        requireNonNull(traffic, "traffic");
        if (mtu < 0) {
            throw new IllegalArgumentException("mtu must not be negative");
        }
    }

    /** Returns true when the network carries IPv6: it has an IPv6 subnet. */
    public boolean ipv6() {
        return subnets.stream().anyMatch(subnet -> !subnet.isIpv4());
    }

    /** Returns true when the network reaches beyond the host: not internal, with an IPv4 or IPv6 subnet. */
    boolean forwards() {
        return !traffic.internal() && !subnets.isEmpty();
    }

    /** Returns the firewall's view of the network. */
    NetworkRules rules() {
        return new NetworkRules(bridge, subnetsOf(true), subnetsOf(false), traffic.internal(), traffic.icc(),
                traffic.masquerade(), traffic.ipv4Mode(), traffic.ipv6Mode());
    }

    /** Returns true when IPv4 published ports are DNATed from the host, so that 127.0.0.1 must reach the bridge. */
    boolean natsIpv4() {
        return !traffic.internal() && traffic.ipv4Mode() == GatewayMode.NAT && subnets.stream()
                .anyMatch(IpPrefix::isIpv4);
    }

    private List<String> subnetsOf(boolean ipv4) {
        return subnets.stream().filter(subnet -> subnet.isIpv4() == ipv4).map(IpPrefix::toString).toList();
    }
}
