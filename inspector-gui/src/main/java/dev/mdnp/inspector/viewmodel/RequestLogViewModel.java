package dev.mdnp.inspector.viewmodel;

import static java.util.Objects.requireNonNull;

import dev.mdnp.inspector.export.CallText;
import dev.mdnp.inspector.export.CurlCommand;
import dev.mdnp.inspector.filter.FilterCompletions;
import dev.mdnp.inspector.filter.FilterInput;
import dev.mdnp.inspector.filter.FilterResult;
import dev.mdnp.inspector.filter.FilterTerms;
import dev.mdnp.inspector.filter.QuickFilter;
import dev.mdnp.inspector.filter.RecentFilters;
import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.NetworkView;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javafx.beans.Observable;
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
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The request log: the store's calls through the filter (typed text, quick-filter preset, "hide chatter") and the
 * table's sort order, the filter's validity, pause and clear, the recent filters and the status line.
 *
 * <p>Invalid filter text keeps the last valid filter in force and reports its reason in {@link #filterErrorProperty}.
 * Used on the FX thread only, like the store.
 */
public final class RequestLogViewModel {

    /** How many filters the recent-filters list keeps. */
    public static final int RECENT_FILTERS = 15;

    private final InspectorStore store;
    private final Clock clock;
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ObjectProperty<QuickFilter> preset = new SimpleObjectProperty<>(this, "preset", QuickFilter.ALL);
    private final BooleanProperty hideChatter = new SimpleBooleanProperty(this, "hideChatter");
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper(this, "filterError");
    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused");
    private final ReadOnlyStringWrapper followedEndpoint = new ReadOnlyStringWrapper(this, "followedEndpoint", "");
    private final LongProperty longestShownMicros = new SimpleLongProperty(this, "longestShownMicros");
    private final ObservableList<String> recent = FXCollections.observableArrayList();
    private final ObservableList<String> recentView = FXCollections.unmodifiableObservableList(recent);
    private final FilteredList<RequestRecord> filtered;
    private final SortedList<RequestRecord> sorted;
    private final StatusSummary status;
    private RecentFilters recentFilters = RecentFilters.empty(RECENT_FILTERS);
    private final Set<String> methodsSeen = new TreeSet<>();
    /** Read by the filter field's completion, which runs off the FX thread: replaced, never changed. */
    private volatile FilterCompletions completions = FilterCompletions.NONE;

    /**
     * Creates the log over {@code store}'s calls; {@code clock} is the time for {@code since:} terms and its zone the
     * one times are shown in.
     */
    public RequestLogViewModel(InspectorStore store, Clock clock) {
        this.store = requireNonNull(store, "store");
        this.clock = requireNonNull(clock, "clock");
        filtered = new FilteredList<>(store.requests());
        sorted = new SortedList<>(filtered);
        status = new StatusSummary(store, filtered);
        filterText.addListener((obs, old, now) -> refilter());
        preset.addListener((obs, old, now) -> refilter());
        hideChatter.addListener((obs, old, now) -> refilter());
        paused.addListener((obs, old, now) -> store.setPaused(now));
        filtered.addListener((ListChangeListener<RequestRecord>) this::shownChanged);
        paused.set(store.isPaused());
        store.requests().addListener((ListChangeListener<RequestRecord>) this::noteMethods);
        store.networks().addListener((Observable changed) -> updateCompletions());
        store.endpoints().addListener((Observable changed) -> updateCompletions());
        longestShownMicros.set(longestOf(filtered));
    }

    /** Returns the calls to show, filtered; the table binds this list's comparator to its own. */
    public SortedList<RequestRecord> requests() {
        return sorted;
    }

    /** Returns the filter field's text, in the language of {@code RequestFilter}. */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** Returns the selected quick-filter preset; never null. */
    public ObjectProperty<QuickFilter> presetProperty() {
        return preset;
    }

    /** Returns whether handshake calls ({@code Plugin.Activate}, {@code *.GetCapabilities}) are hidden. */
    public BooleanProperty hideChatterProperty() {
        return hideChatter;
    }

    /** Returns why the filter text is not valid; null while it is. */
    public ReadOnlyStringProperty filterErrorProperty() {
        return filterError.getReadOnlyProperty();
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

    /** Returns the filters used last, most recent first (read-only). */
    public ObservableList<String> recentFilters() {
        return recentView;
    }

    /** Returns the endpoint last followed with {@link #followEndpoint}, {@code ""} before the first. */
    public ReadOnlyStringProperty followedEndpointProperty() {
        return followedEndpoint.getReadOnlyProperty();
    }

    /** Returns the zone times are shown in. */
    public ZoneId zone() {
        return clock.getZone();
    }

    /**
     * Returns what the filter field suggests for the word being typed: keys, and the methods, networks and endpoints
     * seen so far. Safe to call from any thread.
     */
    public FilterCompletions completions() {
        return completions;
    }

    /** Remembers the current filter text in the recent filters, when it is valid and not blank. */
    public void commitFilter() {
        if (filterError.get() == null) {
            recentFilters = recentFilters.with(filterText.get());
            recent.setAll(recentFilters.entries());
        }
    }

    /** Puts back the recent filters of an earlier run, most recent first, as far as they fit. */
    public void restoreRecentFilters(List<String> filters) {
        RecentFilters restored = RecentFilters.empty(RECENT_FILTERS);
        for (int i = filters.size() - 1; i >= 0; i--) {
            restored = restored.with(filters.get(i));
        }
        recentFilters = restored;
        recent.setAll(restored.entries());
    }

    /** Empties the log, held calls included. */
    public void clear() {
        store.clearRequests();
    }

    /** Shows only {@code endpointId}'s calls (the filter becomes {@code ep:<id>}, preset All) and follows it. */
    public void followEndpoint(String endpointId) {
        preset.set(QuickFilter.ALL);
        filterText.set(FilterTerms.endpoint(endpointId));
        followedEndpoint.set(endpointId);
        commitFilter();
    }

    /** Narrows the filter to calls of {@code call}'s method. */
    public void filterByMethod(RequestRecord call) {
        narrow(FilterTerms.method(call.method()));
    }

    /** Narrows the filter to calls on {@code call}'s network; nothing when it has none. */
    public void filterByNetwork(RequestRecord call) {
        if (!call.networkId().isEmpty()) {
            narrow(FilterTerms.network(call.networkId()));
        }
    }

    /** Narrows the filter to calls on {@code call}'s endpoint; nothing when it has none. */
    public void filterByEndpoint(RequestRecord call) {
        if (!call.endpointId().isEmpty()) {
            narrow(FilterTerms.endpoint(call.endpointId()));
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

    private void narrow(String term) {
        String current = filterError.get() == null ? filterText.get() : "";
        filterText.set(FilterTerms.narrow(current, term));
        commitFilter();
    }

    private void noteMethods(ListChangeListener.Change<? extends RequestRecord> change) {
        boolean added = false;
        while (change.next()) {
            for (RequestRecord call : change.getAddedSubList()) {
                added |= methodsSeen.add(call.method());
            }
        }
        if (added) {
            updateCompletions();
        }
    }

    private void updateCompletions() {
        completions = new FilterCompletions(methodsSeen,
                store.networks().stream().map(NetworkView::id).collect(Collectors.toSet()),
                store.endpoints().stream().map(EndpointView::id).collect(Collectors.toSet()));
    }

    private void refilter() {
        FilterResult result = new FilterInput(filterText.get(), preset.get(), hideChatter.get()).parse(clock);
        if (result instanceof FilterResult.Valid valid) {
            filterError.set(null);
            filtered.setPredicate(valid.predicate());
        } else if (result instanceof FilterResult.Invalid invalid) {
            filterError.set(invalid.message());
        }
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

    private static long longestOf(ObservableList<RequestRecord> calls) {
        long longest = 0;
        for (RequestRecord call : calls) {
            longest = Math.max(longest, call.durationMicros());
        }
        return longest;
    }
}
