package dev.mdnp.daemon.driver;

import dev.mdnp.daemon.dataplane.BridgeSpec;
import dev.mdnp.daemon.dataplane.IpPrefix;
import dev.mdnp.daemon.dataplane.VethSpec;
import dev.mdnp.daemon.driver.DriverException.Reason;
import dev.mdnp.model.cnm.IpamData;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Translates the driver's networks and endpoints into the dataplane's specs, so no Docker JSON goes below here. */
final class KernelSpecs {

    private KernelSpecs() {
    }

    /**
     * Returns the kernel shape of a network: its bridge, MTU and the gateway of every pool.
     *
     * @throws DriverException with {@link Reason#BAD_REQUEST} when a gateway is not an address with a prefix
     */
    static BridgeSpec bridge(Network network) {
        List<IpPrefix> gateways = new ArrayList<>();
        Stream.concat(network.request().ipv4Data().stream(), network.request().ipv6Data().stream())
                .map(IpamData::gateway)
                .filter(gateway -> gateway != null && !gateway.isEmpty())
                .forEach(gateway -> gateways.add(gateway(gateway)));
        return new BridgeSpec(network.bridge(), network.options().mtu(), gateways,
                !network.request().ipv6Data().isEmpty());
    }

    /** Returns what to remove for a network mdnp does not know: the bridge it would have derived from the id. */
    static BridgeSpec unknownBridge(String networkId) {
        return new BridgeSpec(IfNames.bridge(networkId), 0, List.of(), true);
    }

    /** Returns the kernel shape of an endpoint on its network. */
    static VethSpec veth(String endpointId, Network network, String mac) {
        return new VethSpec(IfNames.hostSide(endpointId), IfNames.containerSide(endpointId), network.bridge(),
                network.options().mtu(), mac);
    }

    private static IpPrefix gateway(String cidr) {
        try {
            return IpPrefix.parse(cidr);
        } catch (IllegalArgumentException e) {
            throw new DriverException(Reason.BAD_REQUEST, "invalid Gateway " + e.getMessage());
        }
    }
}
