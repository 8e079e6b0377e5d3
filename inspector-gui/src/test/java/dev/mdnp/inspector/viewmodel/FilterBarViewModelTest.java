package dev.mdnp.inspector.viewmodel;

import static dev.mdnp.inspector.testsupport.CallBuilder.T0;
import static dev.mdnp.inspector.testsupport.CallBuilder.call;
import static dev.mdnp.inspector.testsupport.CallBuilder.updates;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.model.inspect.NameLookup;
import dev.mdnp.inspector.filter.FilterCompletions;
import dev.mdnp.inspector.filter.QuickFilter;
import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FilterBarViewModelTest {

    private final InspectorStore store = new InspectorStore();
    private final FilterBarViewModel bar = new FilterBarViewModel(store, Clock.fixed(T0, ZoneOffset.UTC),
            NameLookup.NONE);

    private final RequestRecord activate = call(1, "Plugin.Activate").build();
    private final RequestRecord join = call(2, "NetworkDriver.Join").network("n1").endpoint("e1").build();
    private final RequestRecord leave = call(3, "NetworkDriver.Leave").network("n1").endpoint("e2").build();

    @Test
    void letsEveryCallThroughAtFirst() {
        assertThat(List.of(activate, join, leave)).allMatch(bar.predicateProperty().get());
        assertThat(bar.filterErrorProperty().get()).isNull();
        assertThat(bar.presetProperty().get().name()).isEqualTo("ALL");
    }

    @Test
    void textPresetAndChatterMakeOnePredicate() {
        bar.hideChatterProperty().set(true);
        assertThat(passing()).containsExactly(join, leave);

        bar.presetProperty().set(QuickFilter.JOIN_LEAVE);
        bar.filterTextProperty().set("ep:e2");

        assertThat(passing()).containsExactly(leave);
    }

    @Test
    void invalidTextReportsItsReasonAndKeepsTheLastValidPredicate() {
        bar.filterTextProperty().set("method:Join");
        Predicate<RequestRecord> valid = bar.predicateProperty().get();

        bar.filterTextProperty().set("method:Join slower-than:5");

        assertThat(bar.filterErrorProperty().get()).contains("slower-than: needs a unit");
        assertThat(bar.predicateProperty().get()).isSameAs(valid);
        bar.filterTextProperty().set("method:Join slower-than:5ms");
        assertThat(bar.filterErrorProperty().get()).isNull();
    }

    @Test
    void onlyValidFiltersEnterTheRecentList() {
        bar.filterTextProperty().set("method:Join");
        bar.commitFilter();
        bar.filterTextProperty().set("foo:bar");
        bar.commitFilter();
        bar.filterTextProperty().set("status:error");
        bar.commitFilter();

        assertThat(bar.recentFilters()).containsExactly("status:error", "method:Join");
    }

    @Test
    void restoredRecentFiltersKeepTheirOrderAsFarAsTheyFit() {
        List<String> earlier = IntStream.rangeClosed(1, FilterBarViewModel.RECENT_FILTERS + 2)
                .mapToObj(i -> "ep:" + i).toList();

        bar.restoreRecentFilters(earlier);

        assertThat(bar.recentFilters()).hasSize(FilterBarViewModel.RECENT_FILTERS)
                .startsWith("ep:1", "ep:2").endsWith("ep:" + FilterBarViewModel.RECENT_FILTERS);
    }

    @Test
    void showReplacesTheFilterUnderPresetAllAndRemembersIt() {
        bar.presetProperty().set(QuickFilter.NETWORK);
        bar.filterTextProperty().set("net:n1");

        bar.show("ep:e1");

        assertThat(bar.filterTextProperty().get()).isEqualTo("ep:e1");
        assertThat(bar.presetProperty().get().name()).isEqualTo("ALL");
        assertThat(bar.recentFilters()).containsExactly("ep:e1");
    }

    @Test
    void narrowAddsATermAndStartsOverFromInvalidText() {
        bar.filterTextProperty().set("net:n1");
        bar.narrow("method:NetworkDriver.Join");
        assertThat(bar.filterTextProperty().get()).isEqualTo("net:n1 method:NetworkDriver.Join");

        bar.filterTextProperty().set("slower-than:5");
        bar.narrow("ep:e2");

        assertThat(bar.filterTextProperty().get()).isEqualTo("ep:e2");
        assertThat(bar.recentFilters()).containsExactly("ep:e2", "net:n1 method:NetworkDriver.Join");
    }

    @Test
    void completionsOfferTheMethodsSeen() {
        assertThat(bar.completions()).isEqualTo(FilterCompletions.NONE);

        store.apply(updates(activate, join));

        assertThat(bar.completions().methods()).containsExactlyInAnyOrder("Plugin.Activate", "NetworkDriver.Join");
        assertThat(bar.completions().suggest("method:Jo")).containsExactly("method:Join");
    }

    private List<RequestRecord> passing() {
        return List.of(activate, join, leave).stream().filter(bar.predicateProperty().get()).toList();
    }
}
