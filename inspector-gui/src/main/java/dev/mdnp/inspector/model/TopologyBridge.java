package dev.mdnp.inspector.model;

import static java.util.Objects.requireNonNull;

import dev.mdnp.model.inspect.Drift;
import java.util.List;

/**
 * One network of the topology, drawn as its bridge with the host ends of the veth pairs plugged into it.
 *
 * @param networkId Docker's network id, {@code ""} for a bridge the state does not know
 * @param networkName Docker's name of the network, {@code ""} when unknown
 * @param name the bridge's name
 * @param subnets the network's subnets, IPv4 first, in CIDR form
 * @param gateways the bridge's addresses, in CIDR form
 * @param mtu the network's MTU, 0 for the kernel's default
 * @param link what the kernel says about the bridge
 * @param drift whether state and kernel agree about the bridge
 * @param ports its veth pairs' host ends, in the order of the containers they lead to
 */
public record TopologyBridge(String networkId, String networkName, String name, List<String> subnets,
        List<String> gateways, int mtu, LinkStatus link, Drift drift, List<TopologyPort> ports) {

    /** Validates the components and copies the lists. */
    public TopologyBridge {
        requireNonNull(networkId, "networkId");
        requireNonNull(networkName, "networkName");
        requireNonNull(name, "name");
        subnets = List.copyOf(subnets);
        gateways = List.copyOf(gateways);
        requireNonNull(link, "link");
        requireNonNull(drift, "drift");
        ports = List.copyOf(ports);
    }

    /** Returns what a person knows the network by: Docker's name, else the short id, else the bridge's name. */
    public String label() {
        if (!networkName.isEmpty()) {
            return networkName;
        }
        return networkId.isEmpty() ? name : ShortIds.of(networkId);
    }
}
