package dev.mdnp.inspector.viewmodel;

import dev.mdnp.inspector.model.DaemonObjects;
import dev.mdnp.inspector.model.LinkIndex;
import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.model.inspect.Drift;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.NetworkView;
import dev.mdnp.model.inspect.PortView;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

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
    /** The containers' interface names as read inside them, by endpoint id: {@code eth0}, {@code eth1}. */
    private Map<String, String> insideNames = Map.of();

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
        store.objectsProperty().addListener((property, before, now) -> {
            Map<String, String> read = insideNames(now);
            if (!read.equals(insideNames)) { // counters are read every second: redraw only for new names
                insideNames = read;
                rows.refresh();
            }
        });
        driftCount.bind(DriftCount.of(rows));
    }

    private static Map<String, String> insideNames(@Nullable DaemonObjects objects) {
        if (objects == null) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        objects.interfacesByEndpoint().forEach((endpointId, read) -> {
            if (read.isRead()) {
                names.put(endpointId, read.name());
            }
        });
        return names;
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
                endpoint.mac(), endpoint.hostIfName(), endpoint.containerIfName(),
                insideNames.getOrDefault(endpoint.id(), ""), endpoint.joined(),
                endpoint.sandboxKey(), drift, DriftNotes.about(end, drift),
                endpoint.ports().stream().map(PortView::text).toList());
    }
}
