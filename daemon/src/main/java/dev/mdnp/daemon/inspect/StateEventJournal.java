package dev.mdnp.daemon.inspect;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.driver.DriverJournal;
import dev.mdnp.daemon.driver.Endpoint;
import dev.mdnp.daemon.driver.Network;
import dev.mdnp.model.inspect.InspectEvent;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link DriverJournal} that passes every change to the real journal and, once that returned, publishes it as an
 * {@link InspectEvent.StateChange} ({@code network-created}, {@code network-deleted}, {@code endpoint-created},
 * {@code endpoint-joined}, {@code endpoint-left}, {@code endpoint-deleted}). A change the real journal refuses (it
 * throws) is not published, because the driver then undoes it. It also knows when each network was created, for
 * {@code /v1/networks}: from the store for the networks a start restored, from its clock for those created since.
 *
 * <p>The driver calls the journal before the change reaches its in-memory state, so a reader who reacts to the event
 * may briefly still see the old state; the event stream says <em>that</em> something changed, the snapshots say what
 * is there. Thread safety: called under the driver's lock; {@link #createdAt} may be called from any thread.
 */
public final class StateEventJournal implements DriverJournal {

    private final DriverJournal delegate;
    private final EventLog events;
    private final InstantSource clock;
    private final Map<String, Instant> created = new ConcurrentHashMap<>();

    /**
     * Wraps a journal.
     *
     * @param delegate the journal that makes changes durable
     * @param events where changes are published
     * @param clock the time a network's creation is remembered with, kept to the millisecond as the store keeps it
     * @param restoredCreatedAt when the networks restored at start were created, by network id
     */
    public StateEventJournal(DriverJournal delegate, EventLog events, InstantSource clock,
            Map<String, Instant> restoredCreatedAt) {
        this.delegate = requireNonNull(delegate, "delegate");
        this.events = requireNonNull(events, "events");
        this.clock = requireNonNull(clock, "clock");
        created.putAll(restoredCreatedAt);
    }

    @Override
    public void networkCreated(Network network) {
        delegate.networkCreated(network);
        created.put(network.id(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        publish("network-created", network.id());
    }

    @Override
    public void networkDeleted(String networkId) {
        delegate.networkDeleted(networkId);
        created.remove(networkId);
        publish("network-deleted", networkId);
    }

    @Override
    public void endpointCreated(Endpoint endpoint) {
        delegate.endpointCreated(endpoint);
        publish("endpoint-created", endpoint.id());
    }

    @Override
    public void endpointChanged(Endpoint endpoint) {
        delegate.endpointChanged(endpoint);
        publish(endpoint.joined() ? "endpoint-joined" : "endpoint-left", endpoint.id());
    }

    @Override
    public void endpointDeleted(String endpointId) {
        delegate.endpointDeleted(endpointId);
        publish("endpoint-deleted", endpointId);
    }

    /** Returns when the network was created, if mdnp knows the network. */
    public Optional<Instant> createdAt(String networkId) {
        return Optional.ofNullable(created.get(networkId));
    }

    private void publish(String change, String id) {
        events.publish(seq -> new InspectEvent.StateChange(seq, change, id));
    }
}
