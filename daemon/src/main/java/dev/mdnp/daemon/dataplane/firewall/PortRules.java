package dev.mdnp.daemon.dataplane.firewall;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The published ports of one endpoint, with the network they are published from (its bridge and gateway modes decide
 * the rules: DNAT in {@link GatewayMode#NAT} mode, an opened container port in {@link GatewayMode#ROUTED} mode).
 *
 * @param network the endpoint's network
 * @param endpoint the endpoint's id, which tells the owner of the rules apart in messages
 * @param mappings the published ports, in both families as published
 */
public record PortRules(NetworkRules network, String endpoint, List<PortMapping> mappings) {

    /** Copies the list and rejects nulls. */
    public PortRules {
        requireNonNull(network, "network");
        requireNonNull(endpoint, "endpoint");
        mappings = List.copyOf(mappings);
    }
}
