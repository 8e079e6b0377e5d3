package dev.mdnp.daemon.inspect;

import static java.util.Objects.requireNonNull;

import dev.mdnp.model.inspect.InspectEvent;

/**
 * Publishes that Docker's name of an object changed, as an {@link InspectEvent.StateChange}: {@code network-named}
 * with the network's id, {@code container-named} with the endpoint's id; a reader then reads the object again.
 * Thread-safe, and never waits for a reader.
 */
public final class NameEvents {

    private final EventLog events;

    /** Publishes into {@code events}. */
    public NameEvents(EventLog events) {
        this.events = requireNonNull(events, "events");
    }

    /** Publishes that the network {@code networkId} got, changed or lost its name. */
    public void networkNamed(String networkId) {
        events.publish(seq -> new InspectEvent.StateChange(seq, "network-named", networkId));
    }

    /** Publishes that the container of the endpoint {@code endpointId} became known, was renamed or went away. */
    public void containerNamed(String endpointId) {
        events.publish(seq -> new InspectEvent.StateChange(seq, "container-named", endpointId));
    }
}
