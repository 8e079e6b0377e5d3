package dev.mdnp.inspector.viewmodel;

import dev.mdnp.inspector.model.DaemonObjects;
import dev.mdnp.inspector.model.Topology;
import dev.mdnp.inspector.model.TrafficWatch;
import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.model.client.ConnectionState;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.jspecify.annotations.Nullable;

/**
 * The topology tab: the picture of bridges, veths and containers, rebuilt from each reading of the objects; the veth
 * pairs carrying traffic; whether the picture is the last one before the connection dropped; and its zoom, which
 * fits the picture to the window until the user zooms.
 */
public final class TopologyViewModel {

    /** The smallest and largest zoom, so a huge topology stays legible and a tiny one stays a picture. */
    static final double MIN_SCALE = 0.2;
    static final double MAX_SCALE = 2.0;
    /** One step of the zoom buttons and of Ctrl+wheel. */
    static final double STEP = 1.2;

    private final ReadOnlyObjectWrapper<Topology> topology = new ReadOnlyObjectWrapper<>(Topology.EMPTY);
    private final ReadOnlyObjectWrapper<Set<String>> traffic = new ReadOnlyObjectWrapper<>(Set.of());
    private final ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper(1);
    private final ReadOnlyBooleanWrapper fitting = new ReadOnlyBooleanWrapper(true);
    private final BooleanProperty shown = new SimpleBooleanProperty();
    private final BooleanBinding stale;
    private final TrafficWatch watch = new TrafficWatch();
    private double fitScale = 1;

    /** Creates the view model over {@code store}'s readings and connection; it follows them as they arrive. */
    public TopologyViewModel(InspectorStore store) {
        show(store.objectsProperty().get());
        // Each reading counts, even one equal to the last (which a change listener would not hear): counters that
        // stand still are how the traffic highlight fades.
        store.objectsProperty().addListener(observable -> show(store.objectsProperty().get()));
        stale = Bindings.createBooleanBinding(() -> !topology.get().isEmpty() && isDown(
                store.connectionProperty().get()), store.connectionProperty(), topology);
    }

    /** Returns the topology of the last reading, {@link Topology#EMPTY} before the first; never null. */
    public ReadOnlyObjectProperty<Topology> topologyProperty() {
        return topology.getReadOnlyProperty();
    }

    /**
     * Returns the host ends of the veth pairs that carry traffic: their counters rose in one of the last
     * {@link TrafficWatch#FADE} readings.
     */
    public ReadOnlyObjectProperty<Set<String>> trafficProperty() {
        return traffic.getReadOnlyProperty();
    }

    /**
     * Returns whether the picture is the last one read before the connection dropped (disconnected or reconnecting),
     * to be shown greyed; false while connected and for a replay.
     */
    public BooleanBinding staleProperty() {
        return stale;
    }

    /**
     * Returns whether the topology is on screen; the window sets it, and while it is true the counters are read
     * every second.
     */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /** Returns the zoom: 1 draws the picture at its natural size. */
    public ReadOnlyDoubleProperty scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    /** Returns whether the zoom follows the window so the whole picture fits; true until the user zooms. */
    public ReadOnlyBooleanProperty fittingProperty() {
        return fitting.getReadOnlyProperty();
    }

    /**
     * Notes the picture's natural size and the room the window gives it; while fitting, the zoom becomes the one that
     * shows it whole. Called by the view whenever either changes.
     */
    public void layout(double contentWidth, double contentHeight, double roomWidth, double roomHeight) {
        if (contentWidth > 0 && contentHeight > 0 && roomWidth > 0 && roomHeight > 0) {
            fitScale = clamp(Math.min(roomWidth / contentWidth, roomHeight / contentHeight));
        }
        if (fitting.get()) {
            scale.set(fitScale);
        }
    }

    /** Zooms in one step; the zoom no longer follows the window. */
    public void zoomIn() {
        zoomBy(STEP);
    }

    /** Zooms out one step; the zoom no longer follows the window. */
    public void zoomOut() {
        zoomBy(1 / STEP);
    }

    /** Multiplies the zoom by {@code factor}, within its limits; the zoom no longer follows the window. */
    public void zoomBy(double factor) {
        fitting.set(false);
        scale.set(clamp(scale.get() * factor));
    }

    /** Fits the picture to the window again, now and as the window changes. */
    public void fit() {
        fitting.set(true);
        scale.set(fitScale);
    }

    private void show(@Nullable DaemonObjects objects) {
        Topology now = objects == null ? Topology.EMPTY : Topology.of(objects);
        traffic.set(watch.observe(now));
        topology.set(now);
    }

    private static boolean isDown(ConnectionState state) {
        return state instanceof ConnectionState.Disconnected || state instanceof ConnectionState.Connecting;
    }

    private static double clamp(double wanted) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, wanted));
    }
}
