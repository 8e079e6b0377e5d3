package dev.mdnp.daemon.persistence;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.driver.DriverJournal;
import dev.mdnp.daemon.driver.Endpoint;
import dev.mdnp.daemon.driver.Network;
import dev.mdnp.daemon.store.EndpointRow;
import dev.mdnp.daemon.store.NetworkRow;
import dev.mdnp.daemon.store.PublishedPortRow;
import java.time.Clock;
import java.util.List;

/**
 * The driver's journal in the store: each call is one committed transaction, so a driver change that got its reply
 * survives a crash. Networks and endpoints keep Docker's whole create request, which Docker never sends again; an
 * endpoint's published ports are written with its join state, so Revoke finds exactly what Program published, also
 * after a restart or a crash.
 */
public final class StoredDriverJournal implements DriverJournal {

    private final TimedStore store;
    private final RecordCodec codec;
    private final Clock clock;

    /** Creates a journal writing to {@code store}, encoding requests with {@code codec}, timestamps from {@code clock}. */
    StoredDriverJournal(TimedStore store, RecordCodec codec, Clock clock) {
        this.store = requireNonNull(store, "store");
        this.codec = requireNonNull(codec, "codec");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public void networkCreated(Network network) {
        NetworkRow row = new NetworkRow(network.id(), network.bridge(), codec.encode(network.request()),
                clock.instant());
        store.commit(tx -> tx.networks().insert(row));
    }

    @Override
    public void networkDeleted(String networkId) {
        store.commit(tx -> tx.networks().delete(networkId));
    }

    @Override
    public void endpointCreated(Endpoint endpoint) {
        EndpointRow row = row(endpoint);
        List<PublishedPortRow> ports = PortRows.rows(endpoint.id(), endpoint.published());
        store.commit(tx -> {
            tx.endpoints().insert(row);
            tx.publishedPorts().replace(endpoint.id(), ports);
        });
    }

    /** Records the endpoint's join state and its whole list of published ports, replacing the recorded ones. */
    @Override
    public void endpointChanged(Endpoint endpoint) {
        List<PublishedPortRow> ports = PortRows.rows(endpoint.id(), endpoint.published());
        store.commit(tx -> {
            if (!tx.endpoints().updateJoinState(endpoint.id(), endpoint.joined(), endpoint.sandboxKey())) {
                throw new IllegalStateException("endpoint " + endpoint.id() + " is not recorded");
            }
            tx.publishedPorts().replace(endpoint.id(), ports);
        });
    }

    @Override
    public void endpointDeleted(String endpointId) {
        store.commit(tx -> tx.endpoints().delete(endpointId));
    }

    private EndpointRow row(Endpoint endpoint) {
        return new EndpointRow(
                endpoint.id(),
                endpoint.networkId(),
                endpoint.hostName(),
                endpoint.srcName(),
                endpoint.mac(),
                endpoint.request().endpointInterface().address(),
                endpoint.request().endpointInterface().addressIPv6(),
                endpoint.joined(),
                endpoint.sandboxKey(),
                codec.encode(endpoint.request()));
    }
}
