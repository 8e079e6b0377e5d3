package dev.mdnp.inspector.viewmodel;

import static java.util.Objects.requireNonNull;

import dev.mdnp.inspector.model.ShortIds;
import dev.mdnp.model.inspect.Drift;

/**
 * One row of the links table: a bridge or veth end as the kernel reports it.
 *
 * @param name the link's name
 * @param kind {@code bridge}, {@code veth} or the kernel's kind
 * @param peer the other end of a veth in the same namespace, {@code ""} when none
 * @param master the bridge it is a port of, {@code ""} when none
 * @param mtu its MTU, 0 when not in the kernel
 * @param mac its MAC, {@code ""} when none
 * @param state as {@code ip link} puts it, such as {@code up, state UP}; {@code in container} or {@code absent}
 *     when the daemon's namespace lacks it
 * @param rxBytes bytes received
 * @param txBytes bytes sent
 * @param networkId the network it belongs to, {@code ""} when unknown
 * @param endpointId the endpoint it belongs to, {@code ""} for a bridge or when unknown
 * @param drift whether state and kernel agree about it
 * @param driftNote what the drift means, {@code ""} when none
 */
public record LinkRow(String name, String kind, String peer, String master, int mtu, String mac, String state,
        long rxBytes, long txBytes, String networkId, String endpointId, Drift drift, String driftNote)
        implements ObjectRow {

    /** Validates the components. */
    public LinkRow {
        requireNonNull(name, "name");
        requireNonNull(kind, "kind");
        requireNonNull(peer, "peer");
        requireNonNull(master, "master");
        requireNonNull(mac, "mac");
        requireNonNull(state, "state");
        requireNonNull(networkId, "networkId");
        requireNonNull(endpointId, "endpointId");
        requireNonNull(drift, "drift");
        requireNonNull(driftNote, "driftNote");
    }

    @Override
    public String key() {
        return name;
    }

    /** Returns the network's id cut to 12 characters. */
    public String networkShortId() {
        return ShortIds.of(networkId);
    }

    /** Returns the endpoint's id cut to 12 characters. */
    public String endpointShortId() {
        return ShortIds.of(endpointId);
    }
}
