package dev.mdnp.inspector.viewmodel;

import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.Duration;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.LongProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The request log's status line: calls shown of the total, failed calls, and the rate and 95th-percentile latency
 * over the last minute, plus the calls missed and trimmed. Updated once per change of the log (one per batch),
 * from the calls added and removed, never by rescanning the log.
 */
public final class StatusSummary {

    /** The span over which rate and latency are computed. */
    public static final Duration WINDOW = Duration.ofSeconds(60);

    private final IntegerProperty shown = new SimpleIntegerProperty();
    private final IntegerProperty total = new SimpleIntegerProperty();
    private final IntegerProperty errors = new SimpleIntegerProperty();
    private final DoubleProperty perSecond = new SimpleDoubleProperty();
    private final LongProperty p95Micros = new SimpleLongProperty();
    private final LatencyWindow window = new LatencyWindow(WINDOW);
    private final InspectorStore store;

    StatusSummary(InspectorStore store, ObservableList<RequestRecord> shownCalls) {
        this.store = store;
        ObservableList<RequestRecord> log = store.requests();
        log.forEach(this::arrived);
        total.set(log.size());
        shown.set(shownCalls.size());
        publishWindow();
        log.addListener((ListChangeListener<RequestRecord>) this::logChanged);
        shownCalls.addListener((ListChangeListener<RequestRecord>) change -> shown.set(shownCalls.size()));
    }

    private void logChanged(ListChangeListener.Change<? extends RequestRecord> change) {
        ObservableList<? extends RequestRecord> log = change.getList();
        int failed = errors.get();
        while (change.next()) {
            failed -= countErrors(change.getRemoved());
            if (change.wasAdded()) {
                List<? extends RequestRecord> added = change.getAddedSubList();
                failed += countErrors(added);
                added.forEach(window::add);
            }
        }
        if (log.isEmpty()) {
            window.clear();
        }
        errors.set(failed);
        total.set(log.size());
        publishWindow();
    }

    private void arrived(RequestRecord call) {
        if (!call.ok()) {
            errors.set(errors.get() + 1);
        }
        window.add(call);
    }

    private void publishWindow() {
        perSecond.set(window.perSecond());
        p95Micros.set(window.p95Micros());
    }

    private static int countErrors(List<? extends RequestRecord> calls) {
        int count = 0;
        for (RequestRecord call : calls) {
            if (!call.ok()) {
                count++;
            }
        }
        return count;
    }

    /** Returns how many calls the filter lets through. */
    public ReadOnlyIntegerProperty shownProperty() {
        return shown;
    }

    /** Returns how many calls the log holds. */
    public ReadOnlyIntegerProperty totalProperty() {
        return total;
    }

    /** Returns how many calls in the log failed (a status other than 2xx). */
    public ReadOnlyIntegerProperty errorsProperty() {
        return errors;
    }

    /** Returns the calls per second over the last {@link #WINDOW} before the newest call. */
    public ReadOnlyDoubleProperty requestsPerSecondProperty() {
        return perSecond;
    }

    /** Returns the 95th-percentile duration over the last {@link #WINDOW}, in microseconds; 0 with no calls. */
    public ReadOnlyLongProperty p95MicrosProperty() {
        return p95Micros;
    }

    /** Returns how many calls the daemon no longer had when the inspector asked for them. */
    public ReadOnlyLongProperty missedProperty() {
        return store.missedProperty();
    }

    /** Returns how many calls were dropped from the front of the log to keep it within its capacity. */
    public ReadOnlyLongProperty trimmedProperty() {
        return store.trimmedProperty();
    }
}
