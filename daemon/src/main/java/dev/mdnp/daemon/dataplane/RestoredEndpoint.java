package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

/**
 * An endpoint as a restarted daemon expects to find it in the kernel.
 *
 * @param veth its veth pair
 * @param joined whether a container holds its container end, so that the pair cannot be built again from the host
 */
public record RestoredEndpoint(VethSpec veth, boolean joined) {

    /** Validates the components. */
    public RestoredEndpoint {
        requireNonNull(veth, "veth");
    }
}
