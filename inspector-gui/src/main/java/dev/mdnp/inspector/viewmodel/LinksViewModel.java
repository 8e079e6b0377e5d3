package dev.mdnp.inspector.viewmodel;

import dev.mdnp.inspector.model.DaemonObjects;
import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.model.inspect.ContainerInterfaceView;
import dev.mdnp.model.inspect.Drift;
import dev.mdnp.model.inspect.LinkView;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The links tab: the kernel's view of mdnp's bridges and veth ends, one row per link, with drift flagged. A container
 * end, which the daemon's namespace lacks, shows its name, state and counters as read inside the container.
 */
public final class LinksViewModel {

    private Map<String, ContainerInterfaceView> insideByEndpoint = Map.of();
    private final MappedList<LinkView, LinkRow> rows;
    private final ReadOnlyIntegerWrapper driftCount = new ReadOnlyIntegerWrapper();
    private final BooleanProperty shown = new SimpleBooleanProperty();

    /** Creates the view model over {@code store}'s links and containers; it follows them as they change. */
    public LinksViewModel(InspectorStore store) {
        noteContainers(store.objectsProperty().get());
        rows = new MappedList<>(store.links(), this::row);
        driftCount.bind(DriftCount.of(rows));
        store.objectsProperty().addListener((property, before, now) -> {
            noteContainers(now);
            rows.refresh();
        });
    }

    /** Returns the rows, in the store's order; read-only. */
    public ObservableList<LinkRow> rows() {
        return rows;
    }

    /** Returns how many rows show drift. */
    public ReadOnlyIntegerProperty driftCountProperty() {
        return driftCount.getReadOnlyProperty();
    }

    /**
     * Returns whether the links table is on screen; the window sets it, and while it is true the counters are read
     * every second.
     */
    public BooleanProperty shownProperty() {
        return shown;
    }

    private void noteContainers(@Nullable DaemonObjects objects) {
        insideByEndpoint = objects == null ? Map.of() : objects.interfacesByEndpoint();
    }

    private LinkRow row(LinkView link) {
        ContainerInterfaceView inside = link.index() == 0 && link.drift() == Drift.NONE
                ? insideByEndpoint.get(link.endpointId()) : null;
        long rx = inside == null ? link.rxBytes() : inside.rxBytes();
        long tx = inside == null ? link.txBytes() : inside.txBytes();
        return new LinkRow(link.name(), link.kind(), link.peer(), link.master(), link.mtu(), link.mac(),
                state(link, inside), rx, tx, link.networkId(), link.endpointId(), link.drift(),
                DriftNotes.about(link.kind() + " " + link.name(), link.drift()));
    }

    private static String state(LinkView link, @Nullable ContainerInterfaceView inside) {
        if (link.index() != 0) {
            return (link.up() ? "up" : "down") + ", state " + link.operState();
        }
        if (link.drift() != Drift.NONE) {
            return "absent";
        }
        // The daemon reports a joined endpoint's container end without drift: it is in the container's namespace.
        if (inside == null) {
            return "in container";
        }
        return inside.isRead() ? "in container as " + inside.name() + ", state " + inside.operState()
                : "in container, not read: " + inside.problem();
    }
}
