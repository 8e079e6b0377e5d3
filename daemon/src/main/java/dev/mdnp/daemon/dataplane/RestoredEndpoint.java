package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An endpoint as a restarted daemon expects to find it in the kernel.
 *
 * @param endpointId Docker's id of the endpoint
 * @param veth its veth pair
 * @param joined whether a container holds its container end, so that the pair cannot be built again from the host
 * @param published the ports published for it, whose host ports and rules are taken again
 */
public record RestoredEndpoint(String endpointId, VethSpec veth, boolean joined, List<PublishedPort> published) {

    /** Validates the components and copies the list. */
    public RestoredEndpoint {
        requireNonNull(endpointId, "endpointId");
        requireNonNull(veth, "veth");
        published = List.copyOf(published);
    }
}
