package dev.mdnp.inspector.viewmodel;

import static java.util.Objects.requireNonNull;

import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.model.inspect.RequestRecord;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * One endpoint's lifecycle as a timeline: {@code RequestAddress}, {@code CreateEndpoint}, {@code Join},
 * {@code ProgramExternalConnectivity}, …, {@code Leave}, {@code DeleteEndpoint}, {@code ReleaseAddress}, each with
 * its offset from the first, updated as calls arrive. Reads the whole log once when the endpoint changes, then only
 * the calls added. FX thread only.
 */
public final class LifecycleViewModel {

    private final InspectorStore store;
    private final StringProperty endpointId = new SimpleStringProperty(this, "endpointId", "");
    private final ObservableList<LifecycleStep> steps = FXCollections.observableArrayList();
    private final ObservableList<LifecycleStep> stepsView = FXCollections.unmodifiableObservableList(steps);
    private EndpointLifecycle lifecycle = new EndpointLifecycle("");

    /** Creates the timeline over {@code store}'s request log. */
    public LifecycleViewModel(InspectorStore store) {
        this.store = requireNonNull(store, "store");
        endpointId.addListener((obs, old, now) -> rebuild());
        store.requests().addListener((ListChangeListener<RequestRecord>) this::logChanged);
    }

    /** Returns the endpoint followed; {@code ""} for none. Bind it to {@code RequestLogViewModel}'s followed one. */
    public StringProperty endpointIdProperty() {
        return endpointId;
    }

    /** Returns the steps, oldest first (read-only). */
    public ObservableList<LifecycleStep> steps() {
        return stepsView;
    }

    private void rebuild() {
        lifecycle = new EndpointLifecycle(endpointId.get());
        if (!endpointId.get().isEmpty()) {
            store.requests().forEach(lifecycle::add);
        }
        steps.setAll(lifecycle.steps());
    }

    private void logChanged(ListChangeListener.Change<? extends RequestRecord> change) {
        if (endpointId.get().isEmpty()) {
            return;
        }
        if (change.getList().isEmpty()) {
            rebuild();
            return;
        }
        boolean grew = false;
        while (change.next()) {
            for (RequestRecord call : change.getAddedSubList()) {
                grew |= lifecycle.add(call);
            }
        }
        if (grew) {
            steps.setAll(lifecycle.steps());
        }
    }
}
