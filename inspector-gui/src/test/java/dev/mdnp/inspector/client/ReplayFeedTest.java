package dev.mdnp.inspector.client;

import static dev.mdnp.inspector.client.RecordingReaderTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.mdnp.inspector.model.ReplaySpeed;
import dev.mdnp.model.client.ConnectionState;
import dev.mdnp.model.inspect.RequestRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        feed.control().step();

        assertThat(requests()).extracting(RequestRecord::seq).containsExactly(1L, 2L);
        FeedUpdate.Objects last = objects().get(objects().size() - 1);
        assertThat(last.objects().networks()).hasSize(1);
        assertThat(last.objects().endpoints()).hasSize(1);
        assertThat(last.objects().readAt()).isEqualTo(requests().get(1).start());
    }

    @Test
    void callsThatChangeNothingBringNoNewObjects() {
        ReplayFeed feed = started(resource("hand-written.ndjson"));
        for (int i = 0; i < 3; i++) {
            feed.control().step();
        }
        int before = objects().size();

        feed.control().step(); // EndpointOperInfo

        assertThat(objects()).hasSize(before);
    }

    @Test
    void playingToTheEndClosesWithTheMalformedLinesNamed() {
        ReplayFeed feed = started(resource("hand-written.ndjson"));
        feed.control().play();
        scheduler.advance(Duration.ofSeconds(2));

        assertThat(requests()).hasSize(4);
        assertThat(feed.control().state().malformed()).extracting(MalformedLine::number).containsExactly(3L, 7L);
        FeedUpdate lastUpdate = updates.get(updates.size() - 1);
        assertThat(lastUpdate).isInstanceOfSatisfying(FeedUpdate.Connection.class, c -> {
            assertThat(c.state()).isInstanceOf(ConnectionState.Closed.class);
            assertThat(c.state().describe())
                    .contains("finished after 4 calls", "2 lines were not calls", "line 3: ", "line 7: ");
        });
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
