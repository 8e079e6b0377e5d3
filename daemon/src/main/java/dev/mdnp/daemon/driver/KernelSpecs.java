package dev.mdnp.daemon.driver;

import dev.mdnp.daemon.dataplane.BridgeSpec;
import dev.mdnp.daemon.dataplane.EndpointPorts;
import dev.mdnp.daemon.dataplane.IpPrefix;
import dev.mdnp.daemon.dataplane.Traffic;
import dev.mdnp.daemon.dataplane.VethSpec;
import dev.mdnp.daemon.driver.DriverException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Translates the driver's networks and endpoints into the dataplane's specs, so no Docker JSON goes below here. */
final class KernelSpecs {

    private KernelSpecs() {
    }

    /**
     * Returns the kernel shape of a network: its bridge, MTU, the gateway of every pool, its subnets and how it
     * treats traffic.
     *
     * @throws DriverException with {@link Reason#BAD_REQUEST} when a pool or gateway is not an address with a prefix
     */
    static BridgeSpec bridge(Network network) {
        List<IpPrefix> gateways = new ArrayList<>();
        List<IpPrefix> subnets = new ArrayList<>();
        Stream.concat(network.request().ipv4Data().stream(), network.request().ipv6Data().stream())
                .forEach(pool -> {
                    if (pool.gateway() != null && !pool.gateway().isEmpty()) {
                        gateways.add(prefix("Gateway", pool.gateway()));
                    }
                    subnets.add(prefix("Pool", pool.pool()));
                });
        return new BridgeSpec(network.bridge(), network.options().mtu(), gateways, subnets,
                network.options().traffic());
    }

    /** Returns what to remove for a network mdnp does not know: the bridge it would have derived from the id. */
    static BridgeSpec unknownBridge(String networkId) {
        return new BridgeSpec(IfNames.bridge(networkId), 0, List.of(), List.of(), Traffic.DEFAULT);
    }

    /** Returns the kernel shape of an endpoint on its network. */
    static VethSpec veth(String endpointId, Network network, String mac) {
        return new VethSpec(IfNames.hostSide(endpointId), IfNames.containerSide(endpointId), network.bridge(),
                network.options().mtu(), mac);
    }

    /** Returns the endpoint whose ports are published, on its network. */
    static EndpointPorts ports(Network network, Endpoint endpoint) {
        return new EndpointPorts(bridge(network), endpoint.id(), endpoint.ipv4(), endpoint.ipv6());
    }

    private static IpPrefix prefix(String field, String cidr) {
        try {
            return IpPrefix.parse(cidr);
        } catch (IllegalArgumentException e) {
            throw new DriverException(Reason.BAD_REQUEST, "invalid " + field + " " + e.getMessage());
        }
    }
}
