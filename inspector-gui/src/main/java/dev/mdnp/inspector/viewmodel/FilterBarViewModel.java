package dev.mdnp.inspector.viewmodel;

import static java.util.Objects.requireNonNull;

import dev.mdnp.inspector.filter.FilterCompletions;
import dev.mdnp.inspector.filter.FilterInput;
import dev.mdnp.inspector.filter.FilterResult;
import dev.mdnp.inspector.filter.FilterTerms;
import dev.mdnp.inspector.filter.QuickFilter;
import dev.mdnp.inspector.filter.RecentFilters;
import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.NameLookup;
import dev.mdnp.model.inspect.NetworkView;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The request log's filter bar: the typed filter text, the quick-filter preset, "hide chatter", the filter's validity,
 * the recent filters and the completions the filter field offers, and the predicate they make together.
 *
 * <p>Invalid filter text keeps the last valid predicate in force and reports its reason in
 * {@link #filterErrorProperty}. Used on the FX thread only, like the store, but for {@link #completions}.
 */
public final class FilterBarViewModel {

    /** How many filters the recent-filters list keeps. */
    public static final int RECENT_FILTERS = 15;

    private final InspectorStore store;
    private final InstantSource clock;
    private final NameLookup names;
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ObjectProperty<QuickFilter> preset = new SimpleObjectProperty<>(this, "preset", QuickFilter.ALL);
    private final BooleanProperty hideChatter = new SimpleBooleanProperty(this, "hideChatter");
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper(this, "filterError");
    private final ReadOnlyObjectWrapper<Predicate<RequestRecord>> predicate =
            new ReadOnlyObjectWrapper<>(this, "predicate", QuickFilter.ALL);
    private final ObservableList<String> recent = FXCollections.observableArrayList();
    private final ObservableList<String> recentView = FXCollections.unmodifiableObservableList(recent);
    private RecentFilters recentFilters = RecentFilters.empty(RECENT_FILTERS);
    private final Set<String> methodsSeen = new TreeSet<>();
    /** Read by the filter field's completion, which runs off the FX thread: replaced, never changed. */
    private volatile FilterCompletions completions = FilterCompletions.NONE;

    /**
     * Creates the bar; its completions follow {@code store}'s calls, networks and endpoints, {@code since:} terms
     * compare with {@code clock}, and Docker's names in a filter are resolved through {@code names}.
     */
    public FilterBarViewModel(InspectorStore store, InstantSource clock, NameLookup names) {
        this.store = requireNonNull(store, "store");
        this.clock = requireNonNull(clock, "clock");
        this.names = requireNonNull(names, "names");
        filterText.addListener((obs, old, now) -> reparse());
        preset.addListener((obs, old, now) -> reparse());
        hideChatter.addListener((obs, old, now) -> reparse());
        store.requests().addListener((ListChangeListener<RequestRecord>) this::noteMethods);
        store.networks().addListener((Observable changed) -> updateCompletions());
        store.endpoints().addListener((Observable changed) -> updateCompletions());
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

    /** Returns which calls the bar lets through: the last valid filter's; all calls at first. */
    public ReadOnlyObjectProperty<Predicate<RequestRecord>> predicateProperty() {
        return predicate.getReadOnlyProperty();
    }

    /** Returns the filters used last, most recent first (read-only). */
    public ObservableList<String> recentFilters() {
        return recentView;
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

    /** Replaces the filter with {@code text} under preset All, and remembers it. */
    public void show(String text) {
        preset.set(QuickFilter.ALL);
        filterText.set(text);
        commitFilter();
    }

    /** Adds {@code term} to the filter (to nothing while the text is not valid), and remembers the result. */
    public void narrow(String term) {
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

    /**
     * Applies the filter again because Docker's names became known or changed: a call whose network was named after
     * the filter was typed ({@code net:front}) matches from now on.
     */
    public void namesChanged() {
        if (!filterText.get().isBlank()) {
            reparse();
        }
    }

    private void reparse() {
        FilterResult result = new FilterInput(filterText.get(), preset.get(), hideChatter.get()).parse(clock, names);
        if (result instanceof FilterResult.Valid valid) {
            filterError.set(null);
            predicate.set(valid.predicate());
        } else if (result instanceof FilterResult.Invalid invalid) {
            filterError.set(invalid.message());
        }
    }
}
