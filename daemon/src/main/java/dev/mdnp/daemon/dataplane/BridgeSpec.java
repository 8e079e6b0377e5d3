package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a network needs in the kernel: its bridge, the bridge's MTU and gateway addresses, and whether its traffic
 * includes IPv6 (for the firewall).
 *
 * @param bridge the bridge name, at most 15 bytes
 * @param mtu the MTU of the bridge and its ports; 0 for the kernel's default
 * @param gateways the gateway addresses to put on the bridge, with the pool's prefix length
 * @param ipv6 whether the network carries IPv6
 */
public record BridgeSpec(String bridge, int mtu, List<IpPrefix> gateways, boolean ipv6) {

    /** Validates the components and copies the list. */
    public BridgeSpec {
        requireNonNull(bridge, "bridge");
        gateways = List.copyOf(gateways);
        if (mtu < 0) {
            throw new IllegalArgumentException("mtu must not be negative");
        }
    }
}
