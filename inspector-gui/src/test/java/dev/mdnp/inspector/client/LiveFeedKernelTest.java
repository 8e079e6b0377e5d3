package dev.mdnp.inspector.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mdnp.inspector.model.DaemonObjects;
import dev.mdnp.inspector.testsupport.LiveDaemon;
import dev.mdnp.model.client.ConnectionState;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.LinkView;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The live feed against a real daemon in a namespace of its own, fed with the calls Docker would send. */
@Tag("kernel")
class LiveFeedKernelTest {

    private static final String NETWORK = "a1".repeat(32);
    private static final String ENDPOINT = "e1".repeat(32);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final List<FeedUpdate> updates = new CopyOnWriteArrayList<>();
    private LiveDaemon daemon;
    private LiveFeed feed;

    @BeforeEach
    void startDaemon() throws Exception {
        daemon = LiveDaemon.start();
        feed = new LiveFeed(daemon.inspectSocket());
    }

    @AfterEach
    void stop() throws Exception {
        if (feed != null) {
            feed.close();
        }
        if (daemon != null) {
            daemon.close();
        }
    }

    private List<String> methods() {
        return updates.stream().filter(FeedUpdate.Request.class::isInstance)
                .map(update -> ((FeedUpdate.Request) update).record().method()).toList();
    }

    private DaemonObjects lastObjects() {
        return updates.stream().filter(FeedUpdate.Objects.class::isInstance)
                .map(update -> ((FeedUpdate.Objects) update).objects()).reduce((a, b) -> b).orElse(null);
    }

    @Test
    void reportsEveryCallAndTheObjectsTheyMade() throws Exception {
        feed.start(updates::add);
        daemon.networkWithContainer(NETWORK, "10.231.0.0/24", ENDPOINT);

        await().atMost(WAIT).until(() -> methods().contains("NetworkDriver.Join"));
        assertThat(methods()).containsSubsequence("IpamDriver.RequestPool", "NetworkDriver.CreateNetwork",
                "IpamDriver.RequestAddress", "NetworkDriver.CreateEndpoint", "NetworkDriver.Join");
        RequestRecord create = updates.stream().filter(FeedUpdate.Request.class::isInstance)
                .map(update -> ((FeedUpdate.Request) update).record())
                .filter(record -> record.method().equals("NetworkDriver.CreateNetwork")).findFirst().orElseThrow();
        assertThat(create.kernelOps()).isNotEmpty();

        await().atMost(WAIT).untilAsserted(() -> {
            DaemonObjects objects = lastObjects();
            assertThat(objects).isNotNull();
            assertThat(objects.networks()).extracting(n -> n.id()).containsExactly(NETWORK);
            assertThat(objects.endpoints()).extracting(EndpointView::id, EndpointView::joined)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(ENDPOINT, true));
            assertThat(objects.links()).extracting(LinkView::kind).contains("bridge");
            assertThat(objects.pools()).hasSize(1);
        });
        assertThat(updates).filteredOn(FeedUpdate.Connection.class::isInstance)
                .extracting(update -> ((FeedUpdate.Connection) update).state())
                .anyMatch(ConnectionState.Connected.class::isInstance);
    }

    @Test
    void reconnectsWhenTheDaemonRestartsAndNoticesTheNewRun() throws Exception {
        feed.start(updates::add);
        daemon.networkWithContainer(NETWORK, "10.232.0.0/24", ENDPOINT);
        await().atMost(WAIT).until(() -> methods().contains("NetworkDriver.Join"));

        daemon.restart();
        await().atMost(WAIT).until(() -> updates.stream().anyMatch(update ->
                update instanceof FeedUpdate.Connection connection
                        && connection.state() instanceof ConnectionState.Disconnected));
        int before = methods().size();
        try (var calls = daemon.calls()) {
            calls.leave(NETWORK, ENDPOINT);
        }

        await().atMost(WAIT).until(() -> {
            List<String> methods = methods();
            return methods.size() > before && methods.get(methods.size() - 1).equals("NetworkDriver.Leave");
        });
        assertThat(updates).filteredOn(FeedUpdate.Gap.class::isInstance)
                .extracting(update -> ((FeedUpdate.Gap) update).restarted()).contains(true);
        await().atMost(WAIT).untilAsserted(() -> assertThat(lastObjects().endpoints())
                .extracting(EndpointView::joined).containsExactly(false));
    }

    @Test
    void aRestartedDaemonThatNumberedPastTheLastEventSeenStillDeliversEveryCallOfItsRun() throws Exception {
        feed.start(updates::add);
        daemon.networkWithContainer(NETWORK, "10.233.0.0/24", ENDPOINT);
        await().atMost(WAIT).until(() -> methods().contains("NetworkDriver.Join"));
        int before = methods().size();

        daemon.restart();
        // As soon as it serves, the new run numbers more calls than the feed saw events of the old one (calls, state
        // and link changes), mostly before the feed tries again: its backoff grew while the daemon was down.
        int calls = 200;
        try (var plugin = daemon.calls()) {
            for (int i = 0; i < calls; i++) {
                plugin.localAddressSpace();
            }
        }

        await().atMost(WAIT).untilAsserted(() -> {
            List<String> methods = methods();
            assertThat(methods.subList(before, methods.size())).hasSize(calls)
                    .containsOnly("IpamDriver.GetDefaultAddressSpaces");
        });
        assertThat(updates).filteredOn(FeedUpdate.Gap.class::isInstance)
                .extracting(update -> ((FeedUpdate.Gap) update).restarted()).contains(true);
    }
}
