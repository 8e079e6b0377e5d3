package dev.mdnp.inspector.viewmodel;

import static java.util.Objects.requireNonNull;

import dev.mdnp.inspector.export.CallText;
import dev.mdnp.inspector.export.CurlCommand;
import dev.mdnp.inspector.filter.FilterTerms;
import dev.mdnp.inspector.model.CallContext;
import dev.mdnp.inspector.model.CallContexts;
import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Comparator;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.jspecify.annotations.Nullable;

/**
 * The request log: the store's calls through the {@linkplain FilterBarViewModel filter bar}, each in its
 * {@linkplain CallContext context} (Docker's names, an IPAM call's pool, address and the endpoint it served), grouped
 * by container or network if asked and sorted by the table's order within groups; pause and clear, following an
 * endpoint and the status line. Used on the FX thread only, like the store.
 */
public final class RequestLogViewModel {

    private final InspectorStore store;
    private final Clock clock;
    private final FilterBarViewModel filterBar;
    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused");
    private final ReadOnlyStringWrapper followedEndpoint = new ReadOnlyStringWrapper(this, "followedEndpoint", "");
    private final LongProperty longestShownMicros = new SimpleLongProperty(this, "longestShownMicros");
    private final FilteredList<RequestRecord> filtered;
    private final SortedList<RequestRecord> sorted;
    private final StatusSummary status;
    private final TailFollow tail;
    private final StringBinding placeholder;
    private final CallContexts contexts = new CallContexts();
    private final CallGroups groups;
    private final ObjectProperty<@Nullable Comparator<RequestRecord>> tableComparator =
            new SimpleObjectProperty<>(this, "tableComparator");
    private final LongProperty contextRevision = new SimpleLongProperty(this, "contextRevision");

    /**
     * Creates the log over {@code store}'s calls; {@code clock} is the time for {@code since:} terms and its zone the
     * one times are shown in.
     */
    public RequestLogViewModel(InspectorStore store, Clock clock) {
        this.store = requireNonNull(store, "store");
        this.clock = requireNonNull(clock, "clock");
        filterBar = new FilterBarViewModel(store, clock, contexts);
        filtered = new FilteredList<>(store.requests());
        filtered.predicateProperty().bind(filterBar.predicateProperty());
        groups = new CallGroups(store.requests(), filtered, contexts);
        sorted = new SortedList<>(filtered);
        ObjectBinding<Comparator<RequestRecord>> order = Bindings.createObjectBinding(
                () -> groups.comparator(tableComparator.get()), groups.groupingProperty(), tableComparator,
                contextRevision);
        sorted.comparatorProperty().bind(order);
        InvalidationListener objects = changed -> learnObjects();
        store.networks().addListener(objects);
        store.endpoints().addListener(objects);
        store.pools().addListener(objects);
        store.requests().addListener((ListChangeListener<RequestRecord>) this::learnCalls);
        learnObjects();
        store.requests().forEach(contexts::learn);
        status = new StatusSummary(store, filtered);
        tail = new TailFollow(sorted);
        placeholder = Bindings.createStringBinding(() -> placeholderText(filterBar.filterErrorProperty().get(),
                store.requests().isEmpty()), filterBar.filterErrorProperty(), store.requests());
        paused.addListener((obs, old, now) -> store.setPaused(now));
        filtered.addListener((ListChangeListener<RequestRecord>) this::shownChanged);
        paused.set(store.isPaused());
        longestShownMicros.set(longestOf(filtered));
    }

    /** Returns the calls to show, filtered, grouped and in the {@linkplain #tableComparatorProperty table's order}. */
    public SortedList<RequestRecord> requests() {
        return sorted;
    }

    /**
     * Returns the row of the newest call shown, where following keeps the view: the last row, unless the calls are
     * grouped and the newest one belongs to an earlier group (a {@code docker rm web} after {@code docker run db});
     * -1 when nothing is shown.
     */
    public int newestRow() {
        if (groupingProperty().get() == CallGrouping.NONE) {
            return sorted.size() - 1;
        }
        int newest = -1;
        for (int row = 0; row < sorted.size(); row++) {
            if (newest < 0 || groups.arrival(sorted.get(row)) > groups.arrival(sorted.get(newest))) {
                newest = row;
            }
        }
        return newest;
    }

    /** Returns the order within groups (all calls when not grouped); the table binds it to its own. */
    public ObjectProperty<@Nullable Comparator<RequestRecord>> tableComparatorProperty() {
        return tableComparator;
    }

    /** Returns how the calls are grouped; {@link CallGrouping#NONE} at first. */
    public ObjectProperty<CallGrouping> groupingProperty() {
        return groups.groupingProperty();
    }

    /** Returns a number that grows whenever contexts, groups or group totals change: the table redraws then. */
    public ReadOnlyLongProperty groupsRevisionProperty() {
        return groups.revisionProperty();
    }

    /** Returns what {@code call} was about: its network, endpoint, container, and an IPAM call's pool and address. */
    public CallContext contextOf(RequestRecord call) {
        return contexts.of(call);
    }

    /**
     * Returns the heading of the group that the shown call at {@code index} starts, such as {@code web · 4 calls ·
     * 12.30 ms}; {@code ""} when nothing is grouped or the call before it is in the same group.
     */
    public String groupHeadingAt(int index) {
        if (groupingProperty().get() == CallGrouping.NONE || index < 0 || index >= sorted.size()) {
            return "";
        }
        RequestRecord call = sorted.get(index);
        if (index > 0 && groups.key(sorted.get(index - 1)).equals(groups.key(call))) {
            return "";
        }
        return groups.heading(call);
    }

    /** Returns the filter bar whose predicate picks the calls to show. */
    public FilterBarViewModel filterBar() {
        return filterBar;
    }

    /** Returns whether the table keeps the newest call in view (scrolling only; see {@link #pausedProperty}). */
    public TailFollow tail() {
        return tail;
    }

    /**
     * Returns what the table says while it shows no call: that the filter is not valid and why, that no call matches
     * it, or that no call came yet.
     */
    public StringBinding placeholderProperty() {
        return placeholder;
    }

    /** Returns whether the log is paused: arriving calls are held back by the store until it resumes. */
    public BooleanProperty pausedProperty() {
        return paused;
    }

    /** Returns how many calls are held back while paused. */
    public ReadOnlyIntegerProperty heldCountProperty() {
        return store.heldCountProperty();
    }

    /** Returns the status line's figures. */
    public StatusSummary status() {
        return status;
    }

    /** Returns the longest duration among the shown calls, in microseconds: the timing bars' common scale. */
    public ReadOnlyLongProperty longestShownMicrosProperty() {
        return longestShownMicros;
    }

    /** Returns the endpoint last followed with {@link #followEndpoint}, {@code ""} before the first. */
    public ReadOnlyStringProperty followedEndpointProperty() {
        return followedEndpoint.getReadOnlyProperty();
    }

    /** Returns the zone times are shown in. */
    public ZoneId zone() {
        return clock.getZone();
    }

    /** Empties the log, held calls included. */
    public void clear() {
        store.clearRequests();
    }

    /** Shows only {@code endpointId}'s calls (the filter becomes {@code ep:<id>}, preset All) and follows it. */
    public void followEndpoint(String endpointId) {
        filterBar.show(FilterTerms.endpoint(endpointId));
        followedEndpoint.set(endpointId);
    }

    /** Narrows the filter to calls of {@code call}'s method. */
    public void filterByMethod(RequestRecord call) {
        filterBar.narrow(FilterTerms.method(call.method()));
    }

    /** Narrows the filter to calls on {@code call}'s network; nothing when it has none. */
    public void filterByNetwork(RequestRecord call) {
        if (!call.networkId().isEmpty()) {
            filterBar.narrow(FilterTerms.network(call.networkId()));
        }
    }

    /** Narrows the filter to calls on {@code call}'s endpoint; nothing when it has none. */
    public void filterByEndpoint(RequestRecord call) {
        if (!call.endpointId().isEmpty()) {
            filterBar.narrow(FilterTerms.endpoint(call.endpointId()));
        }
    }

    /** Returns {@code call} as a tab-separated row, for "copy row". */
    public String rowText(RequestRecord call) {
        return CallText.row(call, zone());
    }

    /** Returns the {@code curl --unix-socket} command that sends {@code call} again. */
    public String curlCommand(RequestRecord call) {
        return CurlCommand.of(call, store.infoProperty().get());
    }

    private void learnObjects() {
        if (contexts.learn(store.networks(), store.endpoints(), store.pools())) {
            contextsChanged();
            filterBar.namesChanged(); // only the objects carry Docker's names: calls never do
        }
    }

    private void learnCalls(ListChangeListener.Change<? extends RequestRecord> change) {
        boolean changed = false;
        while (change.next()) {
            for (RequestRecord call : change.getAddedSubList()) {
                changed |= contexts.learn(call);
            }
        }
        if (changed) {
            contextsChanged();
        }
    }

    private void contextsChanged() {
        groups.recompute();
        contextRevision.set(contextRevision.get() + 1);
    }

    private void shownChanged(ListChangeListener.Change<? extends RequestRecord> change) {
        long longest = longestShownMicros.get();
        boolean rescan = false;
        while (change.next()) {
            for (RequestRecord gone : change.getRemoved()) {
                rescan |= gone.durationMicros() >= longest;
            }
            for (RequestRecord added : change.getAddedSubList()) {
                longest = Math.max(longest, added.durationMicros());
            }
        }
        longestShownMicros.set(rescan ? longestOf(filtered) : longest);
    }

    private static String placeholderText(@Nullable String filterError, boolean noCalls) {
        if (filterError != null) {
            return "The filter is not valid: " + filterError;
        }
        return noCalls ? "No calls yet. Create a network with the plugin as driver to see them."
                : "No call matches the filter.";
    }

    private static long longestOf(ObservableList<RequestRecord> calls) {
        long longest = 0;
        for (RequestRecord call : calls) {
            longest = Math.max(longest, call.durationMicros());
        }
        return longest;
    }
}
