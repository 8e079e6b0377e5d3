package dev.mdnp.daemon.driver;

import dev.mdnp.daemon.dataplane.BridgeSpec;
import dev.mdnp.daemon.dataplane.EndpointPorts;
import dev.mdnp.daemon.dataplane.IpPrefix;
import dev.mdnp.daemon.dataplane.Traffic;
import dev.mdnp.daemon.dataplane.VethSpec;
import dev.mdnp.daemon.driver.DriverException.Reason;
import dev.mdnp.model.cnm.IpamData;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** Translates the driver's networks and endpoints into the dataplane's specs, so no Docker JSON goes below here. */
final class KernelSpecs {

    private KernelSpecs() {
    }

    /**
     * Returns the kernel shape of a network: its bridge, MTU, the gateway of every pool, its subnets and how it
     * treats traffic.
     *
     * @throws DriverException with {@link Reason#BAD_REQUEST} when a pool or gateway is not an address with a prefix,
     *     is not of its list's family (IPv4Data, IPv6Data), or a gateway is given twice
     */
    static BridgeSpec bridge(Network network) {
        List<IpPrefix> gateways = new ArrayList<>();
        List<IpPrefix> subnets = new ArrayList<>();
        addPools("IPv4Data", true, network.request().ipv4Data(), gateways, subnets);
        addPools("IPv6Data", false, network.request().ipv6Data(), gateways, subnets);
        return new BridgeSpec(network.bridge(), network.options().mtu(), gateways, subnets,
                network.options().traffic());
    }

    private static void addPools(String list, boolean ipv4, List<IpamData> pools, List<IpPrefix> gateways,
            List<IpPrefix> subnets) {
        for (IpamData pool : pools) {
            if (pool.gateway() != null && !pool.gateway().isEmpty()) {
                IpPrefix gateway = prefix(list, "Gateway", pool.gateway(), ipv4);
                refuseUnusableGateway(list, pool.gateway(), gateway);
                if (gateways.stream().anyMatch(known -> known.address().equals(gateway.address()))) {
                    throw new DriverException(Reason.BAD_REQUEST, "invalid " + list + " Gateway " + pool.gateway()
                            + ": the address is the gateway of another pool of the network");
                }
                gateways.add(gateway);
            }
            subnets.add(prefix(list, "Pool", pool.pool(), ipv4));
        }
    }

    /** A bridge cannot hold the unspecified, a loopback or a multicast address: the kernel refuses them (EADDRNOTAVAIL). */
    private static void refuseUnusableGateway(String list, String text, IpPrefix gateway) {
        InetAddress address = gateway.address();
        String kind = address.isAnyLocalAddress() ? "the unspecified address"
                : address.isLoopbackAddress() ? "a loopback address"
                : address.isMulticastAddress() ? "a multicast address" : null;
        if (kind != null) {
            throw new DriverException(Reason.BAD_REQUEST, "invalid " + list + " Gateway " + text + ": " + kind
                    + " cannot be a bridge's gateway");
        }
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

    private static IpPrefix prefix(String list, String field, String cidr, boolean ipv4) {
        IpPrefix prefix;
        try {
            prefix = IpPrefix.parse(cidr);
        } catch (IllegalArgumentException e) {
            throw new DriverException(Reason.BAD_REQUEST, "invalid " + list + " " + field + " " + e.getMessage());
        }
        if (prefix.isIpv4() != ipv4) {
            throw new DriverException(Reason.BAD_REQUEST, "invalid " + list + " " + field + " " + cidr + ": not an "
                    + (ipv4 ? "IPv4" : "IPv6") + " prefix");
        }
        return prefix;
    }
}
