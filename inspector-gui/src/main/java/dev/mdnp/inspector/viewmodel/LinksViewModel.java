package dev.mdnp.inspector.viewmodel;

import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.model.inspect.Drift;
import dev.mdnp.model.inspect.LinkView;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.ObservableList;

/** The links tab: the kernel's view of mdnp's bridges and veth ends, one row per link, with drift flagged. */
public final class LinksViewModel {

    private final MappedList<LinkView, LinkRow> rows;
    private final ReadOnlyIntegerWrapper driftCount = new ReadOnlyIntegerWrapper();

    /** Creates the view model over {@code store}'s links; it follows them as they change. */
    public LinksViewModel(InspectorStore store) {
        rows = new MappedList<>(store.links(), LinksViewModel::row);
        driftCount.bind(DriftCount.of(rows));
    }

    /** Returns the rows, in the store's order; read-only. */
    public ObservableList<LinkRow> rows() {
        return rows;
    }

    /** Returns how many rows show drift. */
    public ReadOnlyIntegerProperty driftCountProperty() {
        return driftCount.getReadOnlyProperty();
    }

    private static LinkRow row(LinkView link) {
        return new LinkRow(link.name(), link.kind(), link.peer(), link.master(), link.mtu(), link.mac(), state(link),
                link.rxBytes(), link.txBytes(), link.networkId(), link.endpointId(), link.drift(),
                DriftNotes.about(link.kind() + " " + link.name(), link.drift()));
    }

    private static String state(LinkView link) {
        if (link.index() != 0) {
            return (link.up() ? "up" : "down") + ", state " + link.operState();
        }
        // The daemon reports a joined endpoint's container end without drift: it is in the container's namespace.
        return link.drift() == Drift.NONE ? "in container" : "absent";
    }
}
