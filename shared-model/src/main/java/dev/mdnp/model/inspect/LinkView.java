package dev.mdnp.model.inspect;

import static java.util.Objects.requireNonNull;

/**
 * A bridge or veth end of mdnp's, as the kernel reports it (netlink dump) and as {@code /v1/links} shows it. A link
 * the state knows but the kernel lacks has {@code index} 0 and empty kernel fields.
 *
 * @param name the link name
 * @param kind {@code bridge} or {@code veth}, or the kernel's kind for something else with mdnp's prefix
 * @param index the kernel's link index, 0 when missing
 * @param peer for a veth end, the name of the other end when it is in the same namespace, else {@code ""}
 * @param master the bridge it is a port of, {@code ""} when none
 * @param mtu its MTU, 0 when missing
 * @param mac its MAC address, {@code ""} when none
 * @param up whether it is administratively up
 * @param operState the kernel's operational state, such as {@code UP}, {@code DOWN}, {@code LOWERLAYERDOWN}
 * @param rxBytes bytes received
 * @param txBytes bytes sent
 * @param networkId the network it belongs to, {@code ""} when unknown
 * @param endpointId the endpoint it belongs to, {@code ""} for a bridge or when unknown
 * @param drift whether state and kernel agree about it
 */
public record LinkView(String name, String kind, int index, String peer, String master, int mtu, String mac,
        boolean up, String operState, long rxBytes, long txBytes, String networkId, String endpointId, Drift drift) {

    /** Validates the components. */
    public LinkView {
        requireNonNull(name, "name");
        requireNonNull(kind, "kind");
        requireNonNull(peer, "peer");
        requireNonNull(master, "master");
        requireNonNull(mac, "mac");
        requireNonNull(operState, "operState");
        requireNonNull(networkId, "networkId");
        requireNonNull(endpointId, "endpointId");
        requireNonNull(drift, "drift");
    }
}
