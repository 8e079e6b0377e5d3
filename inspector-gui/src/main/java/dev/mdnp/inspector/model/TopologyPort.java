package dev.mdnp.inspector.model;

import static java.util.Objects.requireNonNull;

import dev.mdnp.model.inspect.Drift;

/**
 * The host end of one veth pair, a port of its bridge, wired to a container's interface.
 *
 * @param endpointId Docker's endpoint id, {@code ""} for a link the state does not know
 * @param hostIfName the host end's name
 * @param hostLink what the kernel says about the host end
 * @param containerKey the {@link TopologyContainer#key} of the container its pair leads into, {@code ""} for a link
 *     the state does not know
 * @param peer the other end's name as mdnp created it ({@code mdnpc…}), {@code ""} when not known
 * @param drift whether state and kernel agree about the pair (the worse of its two ends)
 */
public record TopologyPort(String endpointId, String hostIfName, LinkStatus hostLink, String containerKey,
        String peer, Drift drift) {

    /** Validates the components. */
    public TopologyPort {
        requireNonNull(endpointId, "endpointId");
        requireNonNull(hostIfName, "hostIfName");
        requireNonNull(hostLink, "hostLink");
        requireNonNull(containerKey, "containerKey");
        requireNonNull(peer, "peer");
        requireNonNull(drift, "drift");
    }
}
