package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

/**
 * The endpoint whose ports are published: its network and its addresses in it.
 *
 * @param network the endpoint's network
 * @param endpointId Docker's id of the endpoint
 * @param containerIpv4 the endpoint's bare IPv4 address, "" when it has none
 * @param containerIpv6 the endpoint's bare IPv6 address, "" when it has none
 */
public record EndpointPorts(BridgeSpec network, String endpointId, String containerIpv4, String containerIpv6) {

    /** Rejects nulls. */
    public EndpointPorts {
        requireNonNull(network, "network");
        requireNonNull(endpointId, "endpointId");
        requireNonNull(containerIpv4, "containerIpv4");
        requireNonNull(containerIpv6, "containerIpv6");
    }
}
