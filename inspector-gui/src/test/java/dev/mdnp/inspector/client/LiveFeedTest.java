package dev.mdnp.inspector.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.inspector.model.DaemonObjects;
import dev.mdnp.inspector.testsupport.ObjectsFixture;
import dev.mdnp.model.client.StubHttpServer;
import dev.mdnp.model.inspect.FirewallRepairView;
import dev.mdnp.model.inspect.InspectEvent;
import dev.mdnp.model.json.JsonMappers;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live feed's firewall repairs, against a scripted inspect socket: the repairs the event stream publishes and
 * the ones the daemon lists ({@code /v1/firewall/repairs}) when the feed (re)connects, each reported once.
 */
class LiveFeedTest {

    private static final String REPAIRS = "/v1/firewall/repairs";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final FirewallRepairView BASE = new FirewallRepairView(Instant.parse("2026-12-07T12:00:00Z"), true,
            List.of(), List.of());
    private static final FirewallRepairView BRIDGE = new FirewallRepairView(Instant.parse("2026-12-07T12:05:03Z"),
            false, List.of("mdnpb8f6511a52a"), List.of());

    private final ObjectMapper json = JsonMappers.create();
    private final List<FeedUpdate> updates = new CopyOnWriteArrayList<>();
    private StubHttpServer daemon;
    private LiveFeed feed;

    @BeforeEach
    void startDaemon() throws IOException {
        daemon = StubHttpServer.start();
        feed = new LiveFeed(daemon.socket());
    }

    @AfterEach
    void stop() throws IOException {
        feed.close();
        daemon.close();
    }

    @Test
    void forwardsAFirewallEventOfTheStream() throws JsonProcessingException {
        daemon.streamThenHold(firewallEvent(1, BRIDGE));

        feed.start(updates::add);

        await().atMost(WAIT).untilAsserted(() -> assertThat(repairs()).containsExactly(BRIDGE));
    }

    @Test
    void readsTheRepairsTheDaemonKeepsWhenItConnects() throws JsonProcessingException {
        daemon.reply(REPAIRS, 200, json.writeValueAsString(List.of(BASE, BRIDGE)));
        daemon.streamThenHold();

        feed.start(updates::add);

        await().atMost(WAIT).until(() -> objectsReadAfterRepairs(1));
        assertThat(repairs()).containsExactly(BASE, BRIDGE);
    }

    @Test
    void aRepairBothListedAndReplayedByTheStreamIsReportedOnce() throws JsonProcessingException {
        daemon.reply(REPAIRS, 200, json.writeValueAsString(List.of(BASE)));
        daemon.streamThenHold(firewallEvent(1, BASE), firewallEvent(2, BRIDGE));

        feed.start(updates::add);

        await().atMost(WAIT).until(() -> objectsReadAfterRepairs(1) && repairs().contains(BRIDGE));
        assertThat(repairs()).containsExactlyInAnyOrder(BASE, BRIDGE);
    }

    @Test
    void aReconnectReadsTheRepairsAgainWithoutReportingThemTwice() throws JsonProcessingException {
        daemon.reply(REPAIRS, 200, json.writeValueAsString(List.of(BASE, BRIDGE)));
        daemon.streamThenClose();
        daemon.streamThenHold();

        feed.start(updates::add);

        await().atMost(WAIT).until(() -> objectsReadAfterRepairs(2));
        assertThat(repairs()).containsExactly(BASE, BRIDGE);
    }

    @Test
    void aDaemonOlderThanRepairsShowsNone() {
        daemon.streamThenHold(); // and no reply for /v1/firewall/repairs: 404, as from a daemon without the path

        feed.start(updates::add);

        await().atMost(WAIT).until(() -> objectsReadAfterRepairs(1));
        assertThat(repairs()).isEmpty();
    }

    @Test
    void whileTheCountersAreWantedTheyAreReadAgainWithoutAnyEvent() throws JsonProcessingException {
        DaemonObjects objects = ObjectsFixture.classroom(1000);
        daemon.reply("/v1/info", 200, json.writeValueAsString(objects.info()));
        daemon.reply("/v1/networks", 200, json.writeValueAsString(objects.networks()));
        daemon.reply("/v1/endpoints", 200, json.writeValueAsString(objects.endpoints()));
        daemon.reply("/v1/containers", 200, json.writeValueAsString(objects.containers()));
        daemon.reply("/v1/links", 200, json.writeValueAsString(objects.links()));
        daemon.reply("/v1/ipam/pools", 200, "[]");
        daemon.streamThenHold();
        feed.setCountersWanted(true);

        feed.start(updates::add);

        // One full reading on connecting, then only the links and containers, again and again.
        await().atMost(WAIT).until(() -> count("/v1/links") >= 3 && count("/v1/info") == 1);
        assertThat(updates).filteredOn(FeedUpdate.Objects.class::isInstance).hasSizeGreaterThanOrEqualTo(2);
    }

    private long count(String path) {
        return daemon.requests().stream().filter(request -> request.path().equals(path)).count();
    }

    private String firewallEvent(long seq, FirewallRepairView repair) throws JsonProcessingException {
        String data = json.writerFor(InspectEvent.class).writeValueAsString(new InspectEvent.FirewallRepaired(seq,
                repair));
        return "id: " + seq + "\nevent: firewall\ndata: " + data + "\n\n";
    }

    private List<FirewallRepairView> repairs() {
        return updates.stream().filter(FeedUpdate.FirewallRepair.class::isInstance)
                .map(update -> ((FeedUpdate.FirewallRepair) update).repair()).toList();
    }

    /**
     * Returns whether the objects were asked for after the {@code reads}th read of the repairs: both run on the
     * feed's one refresh thread, so by then that read has reported what it found.
     */
    private boolean objectsReadAfterRepairs(int reads) {
        List<String> paths = daemon.requests().stream().map(StubHttpServer.Request::path).toList();
        int seen = 0;
        for (String path : paths) {
            if (path.equals(REPAIRS)) {
                seen++;
            } else if (path.equals("/v1/info") && seen >= reads) {
                return true;
            }
        }
        return false;
    }
}
