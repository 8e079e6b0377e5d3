package dev.mdnp.inspector.model;

import static java.util.Objects.requireNonNull;

import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.InfoView;
import dev.mdnp.model.inspect.LinkView;
import dev.mdnp.model.inspect.NetworkView;
import dev.mdnp.model.inspect.PoolView;
import java.time.Instant;
import java.util.List;

/**
 * Everything the daemon holds at one moment, as the inspector shows it in its object tabs and topology: read in one
 * go from the introspection channel, or rebuilt from recorded calls during a replay.
 *
 * @param info the daemon itself
 * @param networks its networks
 * @param endpoints its endpoints
 * @param links the kernel's view of its bridges and veths, with drift flags
 * @param pools its IPAM pools with used and free addresses
 * @param readAt when this was read
 */
public record DaemonObjects(InfoView info, List<NetworkView> networks, List<EndpointView> endpoints,
        List<LinkView> links, List<PoolView> pools, Instant readAt) {

    /** Validates the components and copies the lists. */
    public DaemonObjects {
        requireNonNull(info, "info");
        networks = List.copyOf(networks);
        endpoints = List.copyOf(endpoints);
        links = List.copyOf(links);
        pools = List.copyOf(pools);
        requireNonNull(readAt, "readAt");
    }
}
