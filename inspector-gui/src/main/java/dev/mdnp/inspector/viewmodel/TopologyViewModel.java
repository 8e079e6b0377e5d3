package dev.mdnp.inspector.viewmodel;

import dev.mdnp.inspector.model.DaemonObjects;
import dev.mdnp.inspector.model.Topology;
import dev.mdnp.inspector.store.InspectorStore;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.jspecify.annotations.Nullable;

/** The topology tab: the picture of bridges, veths and containers, rebuilt from each reading of the objects. */
public final class TopologyViewModel {

    private final ReadOnlyObjectWrapper<Topology> topology = new ReadOnlyObjectWrapper<>(Topology.EMPTY);

    /** Creates the view model over {@code store}'s readings; it follows them as they arrive. */
    public TopologyViewModel(InspectorStore store) {
        show(store.objectsProperty().get());
        store.objectsProperty().addListener((property, before, now) -> show(now));
    }

    /** Returns the topology of the last reading, {@link Topology#EMPTY} before the first; never null. */
    public ReadOnlyObjectProperty<Topology> topologyProperty() {
        return topology.getReadOnlyProperty();
    }

    private void show(@Nullable DaemonObjects objects) {
        topology.set(objects == null ? Topology.EMPTY : Topology.of(objects));
    }
}
