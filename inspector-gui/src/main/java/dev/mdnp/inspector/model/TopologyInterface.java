package dev.mdnp.inspector.model;

import static java.util.Objects.requireNonNull;

import dev.mdnp.model.inspect.Drift;

/**
 * One interface of a container: the container's end of an mdnp veth pair, under the name it has inside the
 * container.
 *
 * @param endpointId Docker's endpoint id
 * @param networkId Docker's id of the endpoint's network
 * @param bridge the bridge its pair's host end is a port of, {@code ""} when the network is not in the reading
 * @param name its name inside the container ({@code eth0}); {@code mdnpName} until read there
 * @param mdnpName the name mdnp created it under ({@code mdnpc…}), before Docker moved it into the container
 * @param hostIfName the host end of its pair
 * @param ipv4Address its IPv4 address in CIDR form, {@code ""} when none
 * @param ipv6Address its IPv6 address in CIDR form, {@code ""} when none
 * @param mac its MAC, {@code ""} when not known
 * @param inside what the kernel inside the container says about it; {@link LinkStatus#ABSENT} when not read
 * @param problem why it could not be read inside the container, {@code ""} when it was or was not tried
 * @param drift whether state and kernel agree about its pair
 */
public record TopologyInterface(String endpointId, String networkId, String bridge, String name, String mdnpName,
        String hostIfName,
        String ipv4Address, String ipv6Address, String mac, LinkStatus inside, String problem,
        Drift drift) {

    /** Validates the components. */
    public TopologyInterface {
        requireNonNull(endpointId, "endpointId");
        requireNonNull(networkId, "networkId");
        requireNonNull(bridge, "bridge");
        requireNonNull(name, "name");
        requireNonNull(mdnpName, "mdnpName");
        requireNonNull(hostIfName, "hostIfName");
        requireNonNull(ipv4Address, "ipv4Address");
        requireNonNull(ipv6Address, "ipv6Address");
        requireNonNull(mac, "mac");
        requireNonNull(inside, "inside");
        requireNonNull(problem, "problem");
        requireNonNull(drift, "drift");
    }
}
