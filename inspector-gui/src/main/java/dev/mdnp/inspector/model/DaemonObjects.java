package dev.mdnp.inspector.model;

import static java.util.Objects.requireNonNull;

import dev.mdnp.model.inspect.ContainerInterfaceView;
import dev.mdnp.model.inspect.ContainerView;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.InfoView;
import dev.mdnp.model.inspect.LinkView;
import dev.mdnp.model.inspect.NetworkView;
import dev.mdnp.model.inspect.PoolView;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the daemon holds at one moment, as the inspector shows it in its object tabs and topology: read in one
 * go from the introspection channel, or rebuilt from recorded calls during a replay.
 *
 * @param info the daemon itself
 * @param networks its networks
 * @param endpoints its endpoints
 * @param containers the containers its endpoints joined, with their interfaces as read inside them; empty when
 *     unknown (a replay, or a daemon older than {@code /v1/containers})
 * @param links the kernel's view of its bridges and veths, with drift flags
 * @param pools its IPAM pools with used and free addresses
 * @param readAt when this was read
 */
public record DaemonObjects(InfoView info, List<NetworkView> networks, List<EndpointView> endpoints,
        List<ContainerView> containers, List<LinkView> links, List<PoolView> pools, Instant readAt) {

    /** Validates the components and copies the lists. */
    public DaemonObjects {
        requireNonNull(info, "info");
        networks = List.copyOf(networks);
        endpoints = List.copyOf(endpoints);
        containers = List.copyOf(containers);
        links = List.copyOf(links);
        pools = List.copyOf(pools);
        requireNonNull(readAt, "readAt");
    }

    /** Creates a reading without containers: the endpoints sharing a sandbox stand for them. */
    public DaemonObjects(InfoView info, List<NetworkView> networks, List<EndpointView> endpoints,
            List<LinkView> links, List<PoolView> pools, Instant readAt) {
        this(info, networks, endpoints, List.of(), links, pools, readAt);
    }

    /** Returns the containers' interfaces as read inside them, by endpoint id. */
    public Map<String, ContainerInterfaceView> interfacesByEndpoint() {
        Map<String, ContainerInterfaceView> byEndpoint = new HashMap<>();
        containers.forEach(container -> container.interfaces().forEach(
                read -> byEndpoint.put(read.endpointId(), read)));
        return byEndpoint;
    }

    /** Returns this reading with the counters of a newer one: its links and containers, read at {@code at}. */
    public DaemonObjects withCounters(List<LinkView> newLinks, List<ContainerView> newContainers, Instant at) {
        return new DaemonObjects(info, networks, endpoints, newContainers, newLinks, pools, at);
    }
}
