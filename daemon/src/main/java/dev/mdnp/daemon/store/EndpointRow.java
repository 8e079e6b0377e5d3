package dev.mdnp.daemon.store;

import static java.util.Objects.requireNonNull;

/**
 * A row of {@code endpoints}: an endpoint mdnp created on one of its networks. Absent text values are the empty
 * string, never null.
 *
 * @param id Docker's endpoint id
 * @param networkId Docker's id of the endpoint's network, which must be in {@code networks}
 * @param hostIfName the name of the veth end that stays on the host, enslaved to the bridge; unique among endpoints
 * @param containerIfName the name of the veth end Docker moves into the container at Join
 * @param mac the MAC address of the container's interface
 * @param ipv4Address the IPv4 address in CIDR form as Docker gave it, "" when none
 * @param ipv6Address the IPv6 address in CIDR form as Docker gave it, "" when none
 * @param joined whether a container has joined the endpoint and not left it
 * @param sandboxKey the container's namespace path Docker sent at Join, "" when not joined
 * @param requestJson the whole CreateEndpoint request as JSON text; the store keeps it and never parses it
 */
public record EndpointRow(
        String id,
        String networkId,
        String hostIfName,
        String containerIfName,
        String mac,
        String ipv4Address,
        String ipv6Address,
        boolean joined,
        String sandboxKey,
        String requestJson) {

    /** Validates the components. */
    public EndpointRow {
        Keys.nonEmpty(id, "id");
        Keys.nonEmpty(networkId, "networkId");
        Keys.nonEmpty(hostIfName, "hostIfName");
        Keys.nonEmpty(containerIfName, "containerIfName");
        requireNonNull(mac, "mac");
        requireNonNull(ipv4Address, "ipv4Address");
        requireNonNull(ipv6Address, "ipv6Address");
        requireNonNull(sandboxKey, "sandboxKey");
        requireNonNull(requestJson, "requestJson");
    }

    /** Returns a copy joined to the sandbox with the given key. */
    public EndpointRow withSandbox(String key) {
        return new EndpointRow(id, networkId, hostIfName, containerIfName, mac, ipv4Address, ipv6Address, true,
                requireNonNull(key, "key"), requestJson);
    }

    /** Returns a copy that no container has joined. */
    public EndpointRow withoutSandbox() {
        return new EndpointRow(id, networkId, hostIfName, containerIfName, mac, ipv4Address, ipv6Address, false, "",
                requestJson);
    }
}
