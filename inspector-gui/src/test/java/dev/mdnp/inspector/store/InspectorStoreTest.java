package dev.mdnp.inspector.store;

import static dev.mdnp.inspector.testsupport.CallBuilder.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.inspector.client.FeedUpdate;
import dev.mdnp.inspector.model.DaemonObjects;
import dev.mdnp.model.client.ConnectionState;
import dev.mdnp.model.inspect.FirewallRepairView;
import dev.mdnp.model.inspect.InfoView;
import dev.mdnp.model.inspect.NetworkView;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class InspectorStoreTest {

    private static final InfoView INFO = new InfoView("mdnp", "0.1.0", Instant.EPOCH, "/run/docker/plugins/mdnp.sock",
            "/var/lib/mdnp/mdnp", 0, 0, 0, 0, 10_000, 0);

    private static List<FeedUpdate> calls(long from, long to) {
        return LongStream.rangeClosed(from, to).<FeedUpdate>mapToObj(seq -> new FeedUpdate.Request(call(seq,
                "NetworkDriver.Join").build())).toList();
    }

    private static List<Long> seqs(List<RequestRecord> records) {
        return records.stream().map(RequestRecord::seq).toList();
    }

    private static NetworkView network(String id, int mtu) {
        return new NetworkView(id, "", "mdnpb" + id, mtu, List.of("10.1.0.0/24"), List.of(), List.of("10.1.0.1/24"),
                Map.of(), 0, Instant.EPOCH);
    }

    private static FeedUpdate objects(NetworkView... networks) {
        return new FeedUpdate.Objects(new DaemonObjects(INFO, List.of(networks), List.of(), List.of(), List.of(),
                Instant.EPOCH));
    }

    @Test
    void addsABatchOfCallsInOneChange() {
        InspectorStore store = new InspectorStore();
        List<ListChangeListener.Change<? extends RequestRecord>> changes = new ArrayList<>();
        store.requests().addListener((ListChangeListener<RequestRecord>) changes::add);

        store.apply(calls(1, 50));

        assertThat(seqs(store.requests())).hasSize(50).startsWith(1L).endsWith(50L);
        assertThat(changes).hasSize(1);
        assertThat(store.receivedProperty().get()).isEqualTo(50);
    }

    @Test
    void keepsOnlyTheNewestCallsUpToItsCapacity() {
        InspectorStore store = new InspectorStore(10);

        store.apply(calls(1, 7));
        store.apply(calls(8, 12));

        assertThat(seqs(store.requests())).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(store.trimmedProperty().get()).isEqualTo(2);

        store.apply(calls(13, 40));

        assertThat(seqs(store.requests())).containsExactly(31L, 32L, 33L, 34L, 35L, 36L, 37L, 38L, 39L, 40L);
        assertThat(store.trimmedProperty().get()).isEqualTo(30);
        assertThat(store.receivedProperty().get()).isEqualTo(40);
    }

    @Test
    void holdsCallsBackWhilePausedAndAddsThemOnResume() {
        InspectorStore store = new InspectorStore();
        store.apply(calls(1, 3));

        store.setPaused(true);
        store.apply(calls(4, 9));

        assertThat(seqs(store.requests())).containsExactly(1L, 2L, 3L);
        assertThat(store.heldCountProperty().get()).isEqualTo(6);

        store.setPaused(false);

        assertThat(seqs(store.requests())).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(store.heldCountProperty().get()).isZero();
    }

    @Test
    void clearEmptiesTheLogAndWhatIsHeld() {
        InspectorStore store = new InspectorStore();
        store.apply(calls(1, 3));
        store.setPaused(true);
        store.apply(calls(4, 5));

        store.clearRequests();
        store.setPaused(false);

        assertThat(store.requests()).isEmpty();
        assertThat(store.heldCountProperty().get()).isZero();
    }

    @Test
    void replacesObjectsByIdKeepingUnchangedItemsInPlace() {
        InspectorStore store = new InspectorStore();
        store.apply(List.of(objects(network("a", 1500), network("b", 1500), network("c", 1500))));
        NetworkView unchanged = store.networks().get(0);

        store.apply(List.of(objects(network("d", 1500), network("c", 9000), network("a", 1500))));

        assertThat(store.networks()).extracting(NetworkView::id).containsExactly("a", "c", "d");
        assertThat(store.networks().get(0)).isSameAs(unchanged);
        assertThat(store.networks().get(1).mtu()).isEqualTo(9000);
        assertThat(store.infoProperty().get()).isEqualTo(INFO);
    }

    @Test
    void countsMissedCallsAndRestarts() {
        InspectorStore store = new InspectorStore();

        store.apply(List.of(new FeedUpdate.Gap(10, 15)));
        store.apply(List.of(new FeedUpdate.Gap(20, 1)));

        assertThat(store.missedProperty().get()).isEqualTo(4);
        assertThat(store.restartsProperty().get()).isEqualTo(1);
    }

    @Test
    void followsTheConnection() {
        InspectorStore store = new InspectorStore();
        ConnectionState.Disconnected down = new ConnectionState.Disconnected("no daemon", java.time.Duration.ZERO);

        store.apply(List.of(new FeedUpdate.Connection(new ConnectionState.Connected(0)),
                new FeedUpdate.Connection(down)));

        assertThat(store.connectionProperty().get()).isEqualTo(down);
    }

    @Test
    void countsFirewallRepairsAndKeepsTheLatest() {
        InspectorStore store = new InspectorStore();
        FirewallRepairView earlier = repair("2026-12-07T12:00:00Z", "mdnpb1");
        FirewallRepairView later = repair("2026-12-07T12:05:03Z", "mdnpb2");
        assertThat(store.firewallRepairsProperty().get()).isZero();
        assertThat(store.lastFirewallRepairProperty().get()).isNull();

        store.apply(List.of(new FeedUpdate.FirewallRepair(later), new FeedUpdate.FirewallRepair(earlier)));

        assertThat(store.firewallRepairsProperty().get()).isEqualTo(2);
        assertThat(store.lastFirewallRepairProperty().get()).isEqualTo(later);
    }

    private static FirewallRepairView repair(String at, String bridge) {
        return new FirewallRepairView(Instant.parse(at), false, List.of(bridge), List.of());
    }

    @Test
    void aRewindReplacesTheLogWithTheCallsThatFollowIt() {
        InspectorStore store = new InspectorStore();
        store.apply(calls(1, 30));
        List<FeedUpdate> rewind = new ArrayList<>();
        rewind.add(new FeedUpdate.Rewound());
        rewind.addAll(calls(1, 12));

        store.apply(rewind);

        assertThat(seqs(store.requests())).hasSize(12).startsWith(1L).endsWith(12L);
        assertThat(store.receivedProperty().get()).isEqualTo(12);
    }

    @Test
    void aRewindDropsTheCallsBeforeItInTheSameBatch() {
        InspectorStore store = new InspectorStore();
        List<FeedUpdate> batch = new ArrayList<>(calls(1, 5));
        batch.add(new FeedUpdate.Rewound());
        batch.addAll(calls(1, 2));

        store.apply(batch);

        assertThat(seqs(store.requests())).containsExactly(1L, 2L);
    }
}
