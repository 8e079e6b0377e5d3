package dev.mdnp.inspector.viewmodel;

import static dev.mdnp.inspector.testsupport.CallBuilder.T0;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.container;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.demoNetwork;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.endpoint;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.named;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.networkCalls;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.objects;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.runCalls;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.inspector.client.FeedUpdate;
import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.inspector.testsupport.ObjectsFixture;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The request log grouped by container and by network, through {@link RequestLogViewModel}. */
class CallGroupsTest {

    private final InspectorStore store = new InspectorStore();
    private final RequestLogViewModel log = new RequestLogViewModel(store, Clock.fixed(T0, ZoneOffset.UTC));

    private void dockerSession() {
        List<RequestRecord> calls = new ArrayList<>(networkCalls(1));
        calls.addAll(runCalls(4, '1', "10.77.0.2/24", 1_000));
        calls.addAll(runCalls(8, '2', "10.77.0.3/24", 2_000));
        store.apply(calls.stream().<FeedUpdate>map(FeedUpdate.Request::new).toList());
    }

    private void dockerNames() {
        ObjectsFixture.show(store, objects(List.of(named(demoNetwork(2), "front")),
                List.of(endpoint('1', "10.77.0.2/24", true).withContainer(container("web", "www")),
                        endpoint('2', "10.77.0.3/24", true).withContainer(container("db"))),
                List.of(), List.of()));
    }

    private List<Long> shownSeqs() {
        return log.requests().stream().map(RequestRecord::seq).toList();
    }

    private List<String> headings() {
        return IntStream.range(0, log.requests().size()).mapToObj(log::groupHeadingAt)
                .filter(heading -> !heading.isEmpty()).toList();
    }

    @Test
    void byContainerEachDockerRunIsOneGroupWithItsTotalTimeInTheOrderTheyCame() {
        dockerNames();
        dockerSession();

        log.groupingProperty().set(CallGrouping.CONTAINER);

        assertThat(shownSeqs()).containsExactly(4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 1L, 2L, 3L);
        assertThat(headings()).containsExactly("web · 4 calls · 4.00 ms", "db · 4 calls · 8.00 ms",
                "no container · 3 calls · 3.00 ms");
        assertThat(log.contextOf(log.requests().get(0)).ipamLabel()).isEqualTo("10.77.0.2 of 10.77.0.0/24");
    }

    @Test
    void withoutDockersNamesTheGroupsAreNamedByShortIds() {
        dockerSession();

        log.groupingProperty().set(CallGrouping.CONTAINER);

        assertThat(headings()).containsExactly("111111111111 · 4 calls · 4.00 ms", "222222222222 · 4 calls · 8.00 ms",
                "no container · 3 calls · 3.00 ms");
        log.groupingProperty().set(CallGrouping.NETWORK);
        assertThat(headings()).containsExactly(ObjectsFixture.NET.substring(0, 12) + " · 11 calls · 15.00 ms");
    }

    @Test
    void namesLearnedLaterRenameTheGroups() {
        dockerSession();
        log.groupingProperty().set(CallGrouping.NETWORK);

        dockerNames();

        assertThat(headings()).containsExactly("front · 11 calls · 15.00 ms");
    }

    @Test
    void theFilterAppliesWithinGroupsAndTheTablesOrderSortsWithinThem() {
        dockerNames();
        dockerSession();
        log.groupingProperty().set(CallGrouping.CONTAINER);

        log.tableComparatorProperty().set(Comparator.comparingLong(RequestRecord::seq).reversed());
        assertThat(shownSeqs()).containsExactly(7L, 6L, 5L, 4L, 11L, 10L, 9L, 8L, 3L, 2L, 1L);

        log.filterBar().filterTextProperty().set("method:Join");
        assertThat(shownSeqs()).containsExactly(6L, 10L);
        assertThat(headings()).containsExactly("web · 1 call · 1.00 ms", "db · 1 call · 2.00 ms");
    }

    @Test
    void withoutGroupingThereAreNoHeadingsAndTheTablesOrderAlone() {
        dockerNames();
        dockerSession();
        log.groupingProperty().set(CallGrouping.CONTAINER);

        log.groupingProperty().set(CallGrouping.NONE);

        assertThat(shownSeqs()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(headings()).isEmpty();
    }
}
