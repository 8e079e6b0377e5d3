package dev.mdnp.inspector.client;

import static dev.mdnp.inspector.client.RecordingReaderTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.mdnp.inspector.model.DaemonObjects;
import dev.mdnp.inspector.model.ReplaySpeed;
import dev.mdnp.model.client.ConnectionState;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.LinkView;
import dev.mdnp.model.inspect.NetworkView;
import dev.mdnp.model.inspect.PoolView;
import dev.mdnp.model.inspect.RequestRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplayFeedTest {

    private final FakeReplayScheduler scheduler = new FakeReplayScheduler();
    private final List<FeedUpdate> updates = new CopyOnWriteArrayList<>();

    private ReplayFeed started(Path file) {
        ReplayFeed feed = new ReplayFeed(file, scheduler);
        feed.start(updates::add);
        scheduler.runDue();
        return feed;
    }

    private List<RequestRecord> requests() {
        return updates.stream().filter(FeedUpdate.Request.class::isInstance)
                .map(u -> ((FeedUpdate.Request) u).record()).toList();
    }

    private List<FeedUpdate.Objects> objects() {
        return updates.stream().filter(FeedUpdate.Objects.class::isInstance).map(FeedUpdate.Objects.class::cast)
                .toList();
    }

    @Test
    void afterReadingItIsConnectedShowsEmptyObjectsAndWaitsAtTheFirstCall() {
        ReplayFeed feed = started(resource("hand-written.ndjson"));

        assertThat(updates.get(0)).isEqualTo(new FeedUpdate.Connection(new ConnectionState.Connected(-1)));
        assertThat(objects()).singleElement().satisfies(o -> {
            assertThat(o.objects().networks()).isEmpty();
            assertThat(o.objects().info().name()).isEqualTo("replay");
        });
        assertThat(requests()).isEmpty();
        assertThat(feed.control().state().total()).isEqualTo(4);
        assertThat(feed.source()).endsWith("hand-written.ndjson");
    }

    @Test
    void stepsReportEachCallAndTheObjectsItChanged() {
        ReplayFeed feed = started(resource("hand-written.ndjson"));

        feed.control().step();
        scheduler.runDue();
        feed.control().step();
        scheduler.runDue();

        assertThat(requests()).extracting(RequestRecord::seq).containsExactly(1L, 2L);
        FeedUpdate.Objects last = objects().get(objects().size() - 1);
        assertThat(last.objects().networks()).hasSize(1);
        assertThat(last.objects().endpoints()).hasSize(1);
        assertThat(last.objects().readAt()).isEqualTo(requests().get(1).start());
    }

    @Test
    void callsThatChangeNothingBringNoNewObjects() {
        ReplayFeed feed = started(resource("hand-written.ndjson"));
        feed.control().seek(3);
        scheduler.runDue();
        int before = objects().size();

        feed.control().step(); // EndpointOperInfo
        scheduler.runDue();

        assertThat(objects()).hasSize(before);
    }

    @Test
    void playingToTheEndStaysConnectedOnTheLastState() {
        ReplayFeed feed = started(resource("hand-written.ndjson"));
        feed.control().play();
        scheduler.advance(Duration.ofSeconds(2));

        assertThat(requests()).hasSize(4);
        assertThat(feed.control().state().finished()).isTrue();
        assertThat(feed.control().state().malformed()).extracting(MalformedLine::number).containsExactly(3L, 7L);
        assertThat(updates).filteredOn(FeedUpdate.Connection.class::isInstance)
                .containsExactly(new FeedUpdate.Connection(new ConnectionState.Connected(-1)));
        assertThat(objects().get(objects().size() - 1).objects().networks()).hasSize(1);
    }

    /**
     * daemon-session: one network, one endpoint joined, all removed. demo-session: scripts/demo recorded against a
     * real engine (two networks, three endpoints, a container on both, calls of two removals interleaved).
     */
    @ParameterizedTest
    @ValueSource(strings = {"daemon-session.ndjson", "demo-session.ndjson"})
    void theStateAtEachCallIsTheStateOfReplayingTheCallsUpToItWhereverItWasReachedFrom(String name) {
        Path session = resource(name);
        int total = started(session).control().state().total();
        for (int k = 0; k <= total; k++) {
            updates.clear();
            ReplayFeed stepped = started(session);
            for (int i = 0; i < k; i++) {
                stepped.control().step();
                scheduler.runDue();
            }
            Shown forward = shown();

            updates.clear();
            ReplayFeed seeked = started(session);
            seeked.control().seek(total);
            scheduler.runDue();
            seeked.control().seek(k);
            scheduler.runDue();
            Shown back = shown();

            assertThat(back).as("state after seeking back to call %d of %d", k, total).isEqualTo(forward);
            assertThat(back.log()).hasSize(k);
        }
    }

    @Test
    void seekingBackRewindsThenReportsTheCallsUpToThereAndTheirObjects() {
        ReplayFeed feed = started(resource("daemon-session.ndjson"));
        feed.control().seek(18);
        scheduler.runDue();
        assertThat(shown().networks()).isEmpty(); // the session ends with DeleteNetwork

        int mark = updates.size();
        feed.control().seek(11); // after the Join
        scheduler.runDue();

        List<FeedUpdate> sinceMark = updates.subList(mark, updates.size());
        assertThat(sinceMark.get(0)).isEqualTo(new FeedUpdate.Rewound());
        assertThat(sinceMark).filteredOn(FeedUpdate.Request.class::isInstance).hasSize(11);
        assertThat(sinceMark.get(sinceMark.size() - 1)).isInstanceOf(FeedUpdate.Objects.class);
        assertThat(shown().networks()).hasSize(1);
        assertThat(shown().endpoints()).isNotEmpty();
        assertThat(objects().get(objects().size() - 1).objects().readAt())
                .isEqualTo(feed.control().state().at());
    }

    @Test
    void seekingBackToTheStartShowsNoCallAndNoObjects() {
        ReplayFeed feed = started(resource("hand-written.ndjson"));
        feed.control().seek(2);
        scheduler.runDue();

        feed.control().seek(0);
        scheduler.runDue();

        assertThat(shown().log()).isEmpty();
        assertThat(shown().networks()).isEmpty();
        assertThat(shown().endpoints()).isEmpty();
    }

    /** What an inspector fed these updates shows: the log since the last rewind and the last objects. */
    private Shown shown() {
        int from = 0;
        for (int i = 0; i < updates.size(); i++) {
            if (updates.get(i) instanceof FeedUpdate.Rewound) {
                from = i + 1;
            }
        }
        List<RequestRecord> log = updates.subList(from, updates.size()).stream()
                .filter(FeedUpdate.Request.class::isInstance).map(u -> ((FeedUpdate.Request) u).record()).toList();
        DaemonObjects last = objects().get(objects().size() - 1).objects();
        return new Shown(log, last.networks(), last.endpoints(), last.links(), last.pools());
    }

    /** The log and the objects an inspector shows; the objects' time and counts are left out. */
    private record Shown(List<RequestRecord> log, List<NetworkView> networks, List<EndpointView> endpoints,
            List<LinkView> links, List<PoolView> pools) {
    }

    @Test
    void anUnreadableFileClosesAtOnceWithTheReason(@TempDir Path dir) {
        ReplayFeed feed = started(dir.resolve("missing.ndjson"));

        assertThat(updates).containsExactly(new FeedUpdate.Connection(
                new ConnectionState.Closed("cannot read " + dir.resolve("missing.ndjson") + ": no such file")));
        assertThat(feed.control().state().finished()).isTrue();
    }

    @Test
    void startingTwiceFails() {
        ReplayFeed feed = started(resource("hand-written.ndjson"));

        assertThatThrownBy(() -> feed.start(updates::add)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeStopsTheReplayThread() {
        ReplayFeed feed = started(resource("hand-written.ndjson"));

        feed.close();

        assertThat(scheduler.closed()).isTrue();
    }

    @Test
    void theRealThreadPlaysTheDaemonsRecordingAtMaxSpeed() {
        try (ReplayFeed feed = new ReplayFeed(resource("daemon-session.ndjson"))) {
            feed.control().setSpeed(ReplaySpeed.MAX);
            feed.control().play();
            feed.start(updates::add);

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> feed.control().state().finished());
            assertThat(requests()).hasSize(18);
        }
    }
}
