package dev.mdnp.inspector.viewmodel;

import dev.mdnp.inspector.model.LinkIndex;
import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.model.inspect.Drift;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.NetworkView;
import dev.mdnp.model.inspect.PortView;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.ObservableList;

/**
 * The endpoints tab: one row per endpoint, with its container's name and aliases and its network's name when Docker's
 * are known, with the drift of its veth ends from the kernel's links and its published
 * ports.
 */
public final class EndpointsViewModel {

    private final InspectorStore store;
    private final MappedList<EndpointView, EndpointRow> rows;
    private final ReadOnlyIntegerWrapper driftCount = new ReadOnlyIntegerWrapper();
    private LinkIndex links;

    /** Creates the view model over {@code store}'s endpoints and links; it follows them as they change. */
    public EndpointsViewModel(InspectorStore store) {
        this.store = store;
        this.links = LinkIndex.of(store.links());
        rows = new MappedList<>(store.endpoints(), this::row);
        store.networks().addListener((InvalidationListener) changed -> rows.refresh());
        store.links().addListener((InvalidationListener) changed -> {
            links = LinkIndex.of(store.links());
            rows.refresh();
        });
        driftCount.bind(DriftCount.of(rows));
    }

    /** Returns the rows, in the store's order; read-only. */
    public ObservableList<EndpointRow> rows() {
        return rows;
    }

    /** Returns how many rows show drift. */
    public ReadOnlyIntegerProperty driftCountProperty() {
        return driftCount.getReadOnlyProperty();
    }

    private String networkName(String networkId) {
        return store.networks().stream().filter(network -> network.id().equals(networkId)).findFirst()
                .map(NetworkView::name).orElse("");
    }

    private EndpointRow row(EndpointView endpoint) {
        Drift drift = links.endpointDrift(endpoint);
        String end = links.drift(endpoint.hostIfName()) == drift
                ? "host veth " + endpoint.hostIfName()
                : "container veth " + endpoint.containerIfName();
        return new EndpointRow(endpoint.id(), endpoint.networkId(), networkName(endpoint.networkId()),
                endpoint.container(), endpoint.ipv4Address(), endpoint.ipv6Address(),
                endpoint.mac(), endpoint.hostIfName(), endpoint.containerIfName(), endpoint.joined(),
                endpoint.sandboxKey(), drift, DriftNotes.about(end, drift),
                endpoint.ports().stream().map(PortView::text).toList());
    }
}
