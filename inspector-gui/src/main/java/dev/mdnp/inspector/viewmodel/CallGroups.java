package dev.mdnp.inspector.viewmodel;

import static java.util.Objects.requireNonNull;

import dev.mdnp.inspector.export.CallText;
import dev.mdnp.inspector.model.CallContexts;
import dev.mdnp.model.inspect.RequestRecord;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The request log's groups: which group each call belongs to under the chosen {@link CallGrouping}, the order of the
 * groups (the order in which their first calls came; calls without a group last) and each group's count and total
 * time over the shown calls, so that filtering applies within groups. FX thread only.
 */
final class CallGroups {

    private final ObservableList<RequestRecord> all;
    private final ObservableList<RequestRecord> shown;
    private final CallContexts contexts;
    private final ObjectProperty<CallGrouping> grouping = new SimpleObjectProperty<>(this, "grouping",
            CallGrouping.NONE);
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final Map<String, Long> order = new HashMap<>();
    private final Map<String, Total> totals = new HashMap<>();
    /**
     * When each call arrived, counting from 0: the order within a group. Not the call's number, which starts again at
     * 1 when the daemon restarts. By identity: the store keeps each record it got.
     */
    private final Map<RequestRecord, Long> arrivals = new IdentityHashMap<>();
    private long arrived;

    CallGroups(ObservableList<RequestRecord> all, ObservableList<RequestRecord> shown, CallContexts contexts) {
        this.all = requireNonNull(all, "all");
        this.shown = requireNonNull(shown, "shown");
        this.contexts = requireNonNull(contexts, "contexts");
        grouping.addListener((obs, old, now) -> recompute());
        all.addListener((ListChangeListener<RequestRecord>) this::arrived);
        shown.addListener((ListChangeListener<RequestRecord>) this::shownChanged);
    }

    ObjectProperty<CallGrouping> groupingProperty() {
        return grouping;
    }

    /** Grows whenever the groups, their order or their totals change: the table re-sorts and redraws. */
    ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** Works everything out again, as after the contexts learned something. */
    void recompute() {
        order.clear();
        totals.clear();
        if (grouping.get() != CallGrouping.NONE) {
            all.forEach(this::place);
            shown.forEach(call -> totals.merge(key(call), Total.of(call), Total::plus));
        }
        revision.set(revision.get() + 1);
    }

    /**
     * Returns {@code within} with the groups first: the order the table shows; calls keep the order they arrived in
     * where {@code within} is null. Null when nothing is grouped or sorted: the order of arrival as it is.
     */
    @Nullable Comparator<RequestRecord> comparator(@Nullable Comparator<RequestRecord> within) {
        if (grouping.get() == CallGrouping.NONE) {
            return within;
        }
        Comparator<RequestRecord> inGroup = within == null ? Comparator.comparingLong(this::arrival) : within;
        return Comparator.comparingLong((RequestRecord call) -> rank(key(call))).thenComparing(inGroup);
    }

    /** Returns when {@code call} arrived, counting from 0 (later calls higher); {@code Long.MAX_VALUE} if unknown. */
    long arrival(RequestRecord call) {
        return arrivals.getOrDefault(call, Long.MAX_VALUE);
    }

    /** Returns {@code call}'s group key, {@code ""} when it has none or nothing is grouped. */
    String key(RequestRecord call) {
        return grouping.get().key(contexts.of(call));
    }

    /** Returns the heading of {@code call}'s group: its title, how many calls are shown and their total time. */
    String heading(RequestRecord call) {
        String key = key(call);
        Total total = totals.getOrDefault(key, Total.NONE);
        String title = key.isEmpty() ? grouping.get().ungroupedTitle() : key;
        return String.format(Locale.ROOT, "%s · %d %s · %s ms", title, total.calls(),
                total.calls() == 1 ? "call" : "calls", CallText.millis(total.micros()));
    }

    private long rank(String key) {
        return key.isEmpty() ? Long.MAX_VALUE : order.getOrDefault(key, Long.MAX_VALUE - 1);
    }

    private void place(RequestRecord call) {
        String key = key(call);
        if (!key.isEmpty()) {
            order.putIfAbsent(key, (long) order.size());
        }
    }

    private void arrived(ListChangeListener.Change<? extends RequestRecord> change) {
        while (change.next()) {
            change.getRemoved().forEach(arrivals::remove);
            for (RequestRecord call : change.getAddedSubList()) {
                arrivals.put(call, arrived++);
                if (grouping.get() != CallGrouping.NONE) {
                    place(call);
                }
            }
        }
    }

    private void shownChanged(ListChangeListener.Change<? extends RequestRecord> change) {
        if (grouping.get() == CallGrouping.NONE) {
            return;
        }
        while (change.next()) {
            for (RequestRecord gone : change.getRemoved()) {
                totals.computeIfPresent(key(gone), (key, total) -> total.minus(gone));
            }
            for (RequestRecord added : change.getAddedSubList()) {
                totals.merge(key(added), Total.of(added), Total::plus);
            }
        }
        revision.set(revision.get() + 1);
    }

    /** A group's shown calls: how many and their durations added up. */
    private record Total(int calls, long micros) {

        static final Total NONE = new Total(0, 0);

        static Total of(RequestRecord call) {
            return new Total(1, call.durationMicros());
        }

        Total plus(Total other) {
            return new Total(calls + other.calls, micros + other.micros);
        }

        @Nullable Total minus(RequestRecord call) {
            return calls <= 1 ? null : new Total(calls - 1, micros - call.durationMicros());
        }
    }
}
