package dev.mdnp.inspector.viewmodel;

import dev.mdnp.inspector.model.AddressUse;
import dev.mdnp.inspector.model.LinkIndex;
import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.model.inspect.Drift;
import dev.mdnp.model.inspect.NetworkView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;

/**
 * The networks tab: one row per network, named as in Docker when known, with the address use of its IPAM pools and the drift of its bridge from
 * the kernel's links.
 */
public final class NetworksViewModel {

    /** By Docker's name (the id while unknown), ignoring case: the order a class finds them in. */
    private static final Comparator<NetworkView> BY_NAME = Comparator
            .comparing(NetworkView::displayName, String.CASE_INSENSITIVE_ORDER).thenComparing(NetworkView::id);

    private final InspectorStore store;
    private final MappedList<NetworkView, NetworkRow> rows;
    private final ReadOnlyIntegerWrapper driftCount = new ReadOnlyIntegerWrapper();
    private LinkIndex links;

    /** Creates the view model over {@code store}'s networks, links and pools; it follows them as they change. */
    public NetworksViewModel(InspectorStore store) {
        this.store = store;
        this.links = LinkIndex.of(store.links());
        rows = new MappedList<>(new SortedList<>(store.networks(), BY_NAME), this::row);
        store.links().addListener((InvalidationListener) changed -> {
            links = LinkIndex.of(store.links());
            rows.refresh();
        });
        store.pools().addListener((InvalidationListener) changed -> rows.refresh());
        driftCount.bind(DriftCount.of(rows));
    }

    /** Returns the rows, by Docker's name; read-only. */
    public ObservableList<NetworkRow> rows() {
        return rows;
    }

    /** Returns how many rows show drift. */
    public ReadOnlyIntegerProperty driftCountProperty() {
        return driftCount.getReadOnlyProperty();
    }

    private NetworkRow row(NetworkView network) {
        List<String> subnets = new ArrayList<>(network.ipv4Subnets());
        subnets.addAll(network.ipv6Subnets());
        Drift drift = links.drift(network.bridge());
        return new NetworkRow(network.id(), network.name(), network.bridge(), String.join(", ", subnets),
                String.join(", ", network.gateways()), network.mtu(), options(network.options()),
                network.endpoints(), AddressUse.of(network, store.pools()).orElse(null), drift,
                DriftNotes.about("bridge " + network.bridge(), drift));
    }

    private static String options(Map<String, String> options) {
        return new TreeMap<>(options).entrySet().stream()
                .map(option -> option.getKey() + "=" + option.getValue())
                .collect(Collectors.joining(", "));
    }
}
