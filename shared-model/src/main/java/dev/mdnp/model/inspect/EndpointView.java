package dev.mdnp.model.inspect;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An endpoint mdnp holds, as {@code /v1/endpoints} shows it.
 *
 * @param id Docker's endpoint id
 * @param networkId Docker's id of its network
 * @param hostIfName the veth end on the host, a port of the network's bridge
 * @param containerIfName the veth end Docker moves into the container
 * @param mac the MAC of the container's interface
 * @param ipv4Address its IPv4 address in CIDR form, {@code ""} when none
 * @param ipv6Address its IPv6 address in CIDR form, {@code ""} when none
 * @param joined whether a container has joined it
 * @param sandboxKey the container's namespace path, {@code ""} when not joined
 * @param ports the ports published for it ({@code -p}, ProgramExternalConnectivity), one entry per mapping and
 *     address family, in the order Docker asked for them; empty when none (and from a daemon older than this field)
 * @param container the container Docker attached with this endpoint, by id, name and aliases, learned from the engine
 *     in the background; {@link ContainerRef#UNKNOWN} while unknown (and from a daemon older than this field)
 */
public record EndpointView(String id, String networkId, String hostIfName, String containerIfName, String mac,
        String ipv4Address, String ipv6Address, boolean joined, String sandboxKey, List<PortView> ports,
        ContainerRef container) {

    /**
     * Validates the components and copies the list; a null or absent list from JSON becomes empty, an absent
     * container {@link ContainerRef#UNKNOWN}.
     */
    public EndpointView {
        requireNonNull(id, "id");
        requireNonNull(networkId, "networkId");
        requireNonNull(hostIfName, "hostIfName");
        requireNonNull(containerIfName, "containerIfName");
        requireNonNull(mac, "mac");
        requireNonNull(ipv4Address, "ipv4Address");
        requireNonNull(ipv6Address, "ipv6Address");
        requireNonNull(sandboxKey, "sandboxKey");
        ports = ports == null ? List.of() : List.copyOf(ports);
        container = container == null ? ContainerRef.UNKNOWN : container;
    }

    /** Returns a copy with these published ports. */
    public EndpointView withPorts(List<PortView> published) {
        return new EndpointView(id, networkId, hostIfName, containerIfName, mac, ipv4Address, ipv6Address, joined,
                sandboxKey, published, container);
    }

    /** Returns a copy that names {@code attached} as its container. */
    public EndpointView withContainer(ContainerRef attached) {
        return new EndpointView(id, networkId, hostIfName, containerIfName, mac, ipv4Address, ipv6Address, joined,
                sandboxKey, ports, attached);
    }
}
