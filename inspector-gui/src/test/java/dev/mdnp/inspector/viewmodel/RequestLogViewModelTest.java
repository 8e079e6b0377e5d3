package dev.mdnp.inspector.viewmodel;

import static dev.mdnp.inspector.testsupport.CallBuilder.T0;
import static dev.mdnp.inspector.testsupport.CallBuilder.call;
import static dev.mdnp.inspector.testsupport.CallBuilder.updates;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.inspector.client.FeedUpdate;
import dev.mdnp.inspector.filter.QuickFilter;
import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.inspector.testsupport.ObjectsFixture;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RequestLogViewModelTest {

    private final InspectorStore store = new InspectorStore();
    private final RequestLogViewModel log = new RequestLogViewModel(store, Clock.fixed(T0, ZoneOffset.UTC));
    private final FilterBarViewModel bar = log.filterBar();

    private final RequestRecord activate = call(1, "Plugin.Activate").build();
    private final RequestRecord create = call(2, "NetworkDriver.CreateNetwork").network("n1").micros(9_000).build();
    private final RequestRecord join = call(3, "NetworkDriver.Join").network("n1").endpoint("e1")
            .failed(500, "no such sandbox").micros(3_000).build();
    private final RequestRecord leave = call(4, "NetworkDriver.Leave").network("n1").endpoint("e2").build();

    @Test
    void showsTheStoresCalls() {
        store.apply(updates(activate, create, join, leave));

        assertThat(seqs()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void filterTextNarrowsTheList() {
        store.apply(updates(activate, create, join, leave));

        bar.filterTextProperty().set("net:n1 -status:error");

        assertThat(seqs()).containsExactly(2L, 4L);
        assertThat(bar.filterErrorProperty().get()).isNull();
    }

    @Test
    void aFilterByDockersNamesMatchesOnceTheDaemonNamesTheNetworkAndContainer() {
        List<RequestRecord> run = ObjectsFixture.runCalls(1, 'a', "10.77.0.2/24", 1_000);
        store.apply(run.stream().map(FeedUpdate.Request::new).map(FeedUpdate.class::cast).toList());
        bar.filterTextProperty().set("net:front container:web");
        assertThat(seqs()).isEmpty();

        EndpointView web = ObjectsFixture.endpoint('a', "10.77.0.2/24", true)
                .withContainer(ObjectsFixture.container("web"));
        ObjectsFixture.show(store, ObjectsFixture.objects(
                List.of(ObjectsFixture.named(ObjectsFixture.demoNetwork(1), "front")), List.of(web), List.of(),
                List.of()));

        assertThat(seqs()).containsExactly(2L, 3L, 4L);
    }

    @Test
    void callsOfANewDaemonRunFollowTheOldOnesThoughTheirNumbersStartAgain() {
        store.apply(updates(activate, create, join));
        RequestRecord newRun = call(1, "Plugin.Activate").build();

        store.apply(updates(newRun));
        assertThat(seqs()).containsExactly(1L, 2L, 3L, 1L);
        assertThat(log.newestRow()).isEqualTo(3);

        log.groupingProperty().set(CallGrouping.NETWORK);
        assertThat(log.requests().get(log.newestRow())).isSameAs(newRun);
    }

    @Test
    void callsArrivingLaterAreFilteredToo() {
        bar.filterTextProperty().set("method:Join");

        store.apply(updates(activate, create, join, leave));

        assertThat(seqs()).containsExactly(3L);
    }

    @Test
    void invalidTextReportsItsReasonAndKeepsTheLastValidFilter() {
        store.apply(updates(activate, create, join, leave));
        bar.filterTextProperty().set("method:Join");

        bar.filterTextProperty().set("method:Join slower-than:5");

        assertThat(bar.filterErrorProperty().get()).contains("slower-than: needs a unit");
        assertThat(seqs()).containsExactly(3L);
        bar.filterTextProperty().set("method:Join slower-than:5ms");
        assertThat(bar.filterErrorProperty().get()).isNull();
    }

    @Test
    void presetAndChatterCombineWithTheText() {
        store.apply(updates(activate, create, join, leave));

        bar.hideChatterProperty().set(true);
        assertThat(seqs()).containsExactly(2L, 3L, 4L);
        bar.presetProperty().set(QuickFilter.JOIN_LEAVE);
        assertThat(seqs()).containsExactly(3L, 4L);
        bar.filterTextProperty().set("ep:e2");
        assertThat(seqs()).containsExactly(4L);
    }

    @Test
    void sortedListFollowsItsComparator() {
        store.apply(updates(activate, create, join, leave));

        log.tableComparatorProperty().set(Comparator.comparingLong(RequestRecord::durationMicros).reversed());

        assertThat(seqs().subList(0, 2)).containsExactly(2L, 3L);
    }

    @Test
    void pauseHoldsCallsBackUntilResumed() {
        store.apply(updates(activate));
        log.pausedProperty().set(true);

        store.apply(updates(create, join));

        assertThat(seqs()).containsExactly(1L);
        assertThat(log.heldCountProperty().get()).isEqualTo(2);
        log.pausedProperty().set(false);
        assertThat(seqs()).containsExactly(1L, 2L, 3L);
        assertThat(log.heldCountProperty().get()).isZero();
    }

    @Test
    void clearEmptiesTheLog() {
        store.apply(updates(activate, create));

        log.clear();

        assertThat(log.requests()).isEmpty();
        assertThat(log.status().totalProperty().get()).isZero();
    }

    @Test
    void followEndpointFiltersByItAndRemembersIt() {
        store.apply(updates(activate, create, join, leave));
        bar.presetProperty().set(QuickFilter.NETWORK);

        log.followEndpoint("e1");

        assertThat(bar.filterTextProperty().get()).isEqualTo("ep:e1");
        assertThat(bar.presetProperty().get().name()).isEqualTo("ALL");
        assertThat(seqs()).containsExactly(3L);
        assertThat(log.followedEndpointProperty().get()).isEqualTo("e1");
        assertThat(bar.recentFilters()).containsExactly("ep:e1");
    }

    @Test
    void filterByAddsATermToTheText() {
        store.apply(updates(activate, create, join, leave));
        bar.filterTextProperty().set("net:n1");

        log.filterByMethod(join);

        assertThat(bar.filterTextProperty().get()).isEqualTo("net:n1 method:NetworkDriver.Join");
        assertThat(seqs()).containsExactly(3L);
        bar.filterTextProperty().set("");
        log.filterByEndpoint(leave);
        assertThat(seqs()).containsExactly(4L);
    }

    @Test
    void statusCountsShownTotalAndErrors() {
        store.apply(updates(activate, create, join, leave));
        bar.filterTextProperty().set("net:n1");

        StatusSummary status = log.status();
        assertThat(status.shownProperty().get()).isEqualTo(3);
        assertThat(status.totalProperty().get()).isEqualTo(4);
        assertThat(status.errorsProperty().get()).isEqualTo(1);
    }

    @Test
    void trimmedErrorsLeaveTheCount() {
        InspectorStore small = new InspectorStore(2);
        RequestLogViewModel smallLog = new RequestLogViewModel(small, Clock.systemUTC());
        small.apply(updates(join, activate));

        small.apply(updates(create));

        assertThat(smallLog.status().errorsProperty().get()).isZero();
        assertThat(smallLog.status().trimmedProperty().get()).isEqualTo(1);
    }

    @Test
    void rateAndP95CoverTheLastMinute() {
        RequestRecord old = call(1, "NetworkDriver.Join").at(T0).micros(500_000).build();
        store.apply(updates(old));
        List<RequestRecord> recent = java.util.stream.LongStream.rangeClosed(1, 20)
                .mapToObj(i -> call(1 + i, "NetworkDriver.Join").at(T0.plusSeconds(100 + i)).micros(i * 1_000).build())
                .collect(Collectors.toList());

        store.apply(updates(recent.toArray(RequestRecord[]::new)));

        assertThat(log.status().requestsPerSecondProperty().get()).isEqualTo(20 / 60.0);
        assertThat(log.status().p95MicrosProperty().get()).isEqualTo(19_000);
    }

    @Test
    void longestShownCallSetsTheTimingScale() {
        store.apply(updates(activate, create, join, leave));
        assertThat(log.longestShownMicrosProperty().get()).isEqualTo(9_000);

        bar.filterTextProperty().set("method:Join");

        assertThat(log.longestShownMicrosProperty().get()).isEqualTo(3_000);
    }

    @Test
    void rowAndCurlTextForTheContextMenu() {
        assertThat(log.rowText(join)).startsWith("3\t07:08:12.000\tNetworkDriver.Join\tn1\te1\t500");
        assertThat(log.curlCommand(join)).endsWith("http://localhost/NetworkDriver.Join");
    }

    private List<Long> seqs() {
        return log.requests().stream().map(RequestRecord::seq).collect(Collectors.toList());
    }
}
