package dev.mdnp.inspector.model;

import static java.util.Objects.requireNonNull;

import dev.mdnp.model.inspect.Drift;

/**
 * One veth pair of the topology: the host end, a port of its bridge, and the end that goes into a container.
 *
 * @param endpointId Docker's endpoint id, {@code ""} for a link the state does not know
 * @param hostIfName the host end's name
 * @param hostLink what the kernel says about the host end
 * @param containerIfName the container end's name, {@code ""} when not known
 * @param ipv4Address the container's IPv4 address in CIDR form, {@code ""} when none
 * @param ipv6Address the container's IPv6 address in CIDR form, {@code ""} when none
 * @param mac the container interface's MAC, {@code ""} when not known
 * @param joined whether a container has joined the endpoint
 * @param sandbox the last part of the container's namespace path, {@code ""} when not joined
 * @param drift whether state and kernel agree about the pair (the worse of its two ends)
 */
public record TopologyPort(String endpointId, String hostIfName, LinkStatus hostLink, String containerIfName,
        String ipv4Address, String ipv6Address, String mac, boolean joined, String sandbox, Drift drift) {

    /** Validates the components. */
    public TopologyPort {
        requireNonNull(endpointId, "endpointId");
        requireNonNull(hostIfName, "hostIfName");
        requireNonNull(hostLink, "hostLink");
        requireNonNull(containerIfName, "containerIfName");
        requireNonNull(ipv4Address, "ipv4Address");
        requireNonNull(ipv6Address, "ipv6Address");
        requireNonNull(mac, "mac");
        requireNonNull(sandbox, "sandbox");
        requireNonNull(drift, "drift");
    }
}
