package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.RtNetlink;
import java.util.List;

/**
 * Takes the host ports of an endpoint's published ports ({@link PortReservations}); undo releases every host port of
 * the endpoint. Already released is already undone. Its {@link #target()} names the ports once taken.
 */
final class ReservePortsStep implements Step {

    private final PortReservations reservations;
    private final String endpointId;
    private final List<PortBinding> bindings;
    private List<PublishedPort> published = List.of();

    ReservePortsStep(PortReservations reservations, String endpointId, List<PortBinding> bindings) {
        this.reservations = requireNonNull(reservations, "reservations");
        this.endpointId = requireNonNull(endpointId, "endpointId");
        this.bindings = List.copyOf(bindings);
    }

    @Override
    public String operation() {
        return "reserve host ports";
    }

    @Override
    public String target() {
        return published.isEmpty() ? "endpoint " + endpointId.substring(0, Math.min(12, endpointId.length()))
                : PortRulesStep.describe(published);
    }

    @Override
    public void apply(RtNetlink rtnl) {
        OwnNamespace.require(rtnl, operation());
        published = reservations.reserve(endpointId, bindings);
    }

    @Override
    public void undo(RtNetlink rtnl) {
        reservations.release(endpointId);
    }

    /** Returns the ports published by {@link #apply}; empty before. */
    List<PublishedPort> published() {
        return published;
    }
}
