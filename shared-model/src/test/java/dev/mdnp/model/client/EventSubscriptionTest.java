package dev.mdnp.model.client;

import static dev.mdnp.model.client.SampleBodies.requestEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.model.client.ConnectionState.Closed;
import dev.mdnp.model.client.ConnectionState.Connected;
import dev.mdnp.model.client.ConnectionState.Connecting;
import dev.mdnp.model.client.ConnectionState.Disconnected;
import dev.mdnp.model.inspect.InspectEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EventSubscriptionTest {

    private static final Duration IDLE = Duration.ofSeconds(30);

    private final BlockingQueue<InspectEvent> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<ConnectionState> states = new LinkedBlockingQueue<>();
    @RegisterExtension
    final StubInspectDaemon stub = new StubInspectDaemon();

    @Test
    void eventsArriveInOrderAndHeartbeatsAreSkipped() throws InterruptedException {
        stub.server().streamThenHold(": heartbeat\n\n", requestEvent(1, "NetworkDriver.CreateNetwork"), ":\n\n",
                requestEvent(2, "NetworkDriver.CreateEndpoint"));

        try (EventSubscription subscription = subscribe(0, fastBackoff())) {
            assertThat(nextEvent()).isInstanceOfSatisfying(InspectEvent.Request.class,
                    event -> assertThat(event.record().method()).isEqualTo("NetworkDriver.CreateNetwork"));
            assertThat(nextEvent().seq()).isEqualTo(2);
            assertThat(subscription.lastSeq()).isEqualTo(2);
        }
        assertThat(nextState()).isEqualTo(new Connecting(1, 0));
        assertThat(nextState()).isEqualTo(new Connected(0));
        StubHttpServer.Request request = stub.server().nextRequest();
        assertThat(request.target()).isEqualTo("/v1/events?after=0");
        assertThat(request.header("Accept")).isEqualTo("text/event-stream");
    }

    @Test
    void dataSpreadOverSeveralLinesIsOneEvent() throws InterruptedException {
        stub.server().streamThenHold("id: 3\nevent: state\ndata: {\"type\":\"state\",\ndata: \"seq\":3,\n"
                + "data: \"change\":\"network-created\",\"id\":\"abc\"}\n\n");

        try (EventSubscription subscription = subscribe(0, fastBackoff())) {
            assertThat(nextEvent()).isEqualTo(new InspectEvent.StateChange(3, "network-created", "abc"));
        }
    }

    @Test
    void theSseIdIsWhatAReconnectResumesAfter() throws InterruptedException {
        // The id line, not the payload's seq, is the stream's position (they agree when the daemon is right).
        stub.server().streamThenClose("id: 17\nevent: lost\ndata: {\"type\":\"lost\",\"seq\":16,\"firstKept\":10}\n\n");
        stub.server().streamThenHold();

        try (EventSubscription subscription = subscribe(5, fastBackoff())) {
            assertThat(nextEvent()).isEqualTo(new InspectEvent.Lost(16, 10));
            stub.server().nextRequest();
            StubHttpServer.Request resumed = stub.server().nextRequest();
            assertThat(resumed.header("Last-Event-ID")).isEqualTo("17");
            assertThat(subscription.lastSeq()).isEqualTo(17);
        }
    }

    @Test
    void aClosedStreamIsReopenedAfterTheLastEventSeen() throws InterruptedException {
        stub.server().streamThenClose(requestEvent(1, "NetworkDriver.CreateNetwork"),
                requestEvent(2, "NetworkDriver.CreateEndpoint"));
        stub.server().streamThenHold(requestEvent(3, "NetworkDriver.Join"));

        try (EventSubscription subscription = subscribe(0, fastBackoff())) {
            assertThat(List.of(nextEvent().seq(), nextEvent().seq(), nextEvent().seq())).containsExactly(1L, 2L, 3L);
        }
        StubHttpServer.Request first = stub.server().nextRequest();
        StubHttpServer.Request second = stub.server().nextRequest();
        assertThat(first.header("Last-Event-ID")).isEqualTo("0");
        assertThat(second.target()).isEqualTo("/v1/events?after=2");
        assertThat(second.header("Last-Event-ID")).isEqualTo("2");
        assertThat(nextState()).isEqualTo(new Connecting(1, 0));
        assertThat(nextState()).isEqualTo(new Connected(0));
        assertThat(nextState()).isInstanceOfSatisfying(Disconnected.class, state -> {
            assertThat(state.reason()).isEqualTo("mdnp at " + stub.server().socket() + " ended the event stream");
            assertThat(state.retryIn()).isEqualTo(Duration.ofMillis(10));
        });
        assertThat(nextState()).isEqualTo(new Connecting(1, 2));
        assertThat(nextState()).isEqualTo(new Connected(2));
    }

    @Test
    void theDaemonDefaultSendsNoPosition() throws InterruptedException {
        stub.server().streamThenHold();

        try (EventSubscription subscription = subscribe(InspectClient.DAEMON_DEFAULT, fastBackoff())) {
            StubHttpServer.Request request = stub.server().nextRequest();
            assertThat(request.target()).isEqualTo("/v1/events");
            assertThat(request.header("Last-Event-ID")).isEmpty();
        }
    }

    @Test
    void anEventOfAnUnknownKindIsSkippedButItsIdCounts() throws InterruptedException {
        stub.server().streamThenHold("id: 5\nevent: future\ndata: {\"type\":\"future\",\"seq\":5}\n\n",
                requestEvent(6, "NetworkDriver.Leave"));

        try (EventSubscription subscription = subscribe(0, fastBackoff())) {
            assertThat(nextEvent().seq()).isEqualTo(6);
        }
        assertThat(events).isEmpty();
    }

    @Test
    void failedTriesBackOffExponentiallyUpToTheCap() throws InterruptedException {
        // No stream scripted: the stub answers 503 every time.
        try (EventSubscription subscription = subscribe(0, new Backoff(Duration.ofMillis(5), Duration.ofMillis(20)))) {
            List<Duration> delays = new ArrayList<>();
            while (delays.size() < 4) {
                if (nextState() instanceof Disconnected disconnected) {
                    delays.add(disconnected.retryIn());
                    assertThat(disconnected.reason()).isEqualTo("mdnp at " + stub.server().socket()
                            + " answered GET /v1/events?after=0 with 503: no stream scripted");
                }
            }
            assertThat(delays).extracting(Duration::toMillis).containsExactly(5L, 10L, 20L, 20L);
        }
    }

    @Test
    void closeStopsTheBackoffPromptly() throws InterruptedException {
        EventSubscription subscription = subscribe(0, new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(1)));
        ConnectionState state;
        do {
            state = nextState();
        } while (!(state instanceof Disconnected));
        int tries = stub.server().requests().size();

        subscription.close();

        // close() waits at most 5 s for the thread: it has ended only if the minute-long backoff was cut short.
        assertThat(subscription.isClosed()).isTrue();
        assertThat(nextState()).isEqualTo(new Closed("closed"));
        assertThat(stub.server().requests()).hasSize(tries);
    }

    @Test
    void closeEndsAStreamThatIsHeldOpen() throws InterruptedException {
        stub.server().streamThenHold(requestEvent(1, "NetworkDriver.Join"));
        EventSubscription subscription = subscribe(0, fastBackoff());
        nextEvent();

        subscription.close();

        assertThat(subscription.isClosed()).isTrue();
        assertThat(lastState()).isEqualTo(new Closed("closed"));
    }

    @Test
    void closingTheClientClosesItsSubscriptions() throws InterruptedException {
        stub.server().streamThenHold(requestEvent(1, "NetworkDriver.Join"));
        EventSubscription subscription = subscribe(0, fastBackoff());
        nextEvent();

        stub.client().close();

        assertThat(subscription.isClosed()).isTrue();
    }

    @Test
    void aThrowingConsumerEndsTheSubscription() throws InterruptedException {
        stub.server().streamThenHold(requestEvent(1, "NetworkDriver.Join"), requestEvent(2, "NetworkDriver.Leave"));
        Consumer<InspectEvent> failing = event -> {
            throw new IllegalStateException("consumer bug");
        };
        EventSubscription subscription = stub.client().subscribe(0, failing, states::add, fastBackoff(), IDLE);

        ConnectionState state;
        do {
            state = nextState();
        } while (!(state instanceof Closed));

        assertThat(((Closed) state).reason()).startsWith("event consumer failed: ")
                .contains("consumer bug");
        subscription.close();
        assertThat(subscription.isClosed()).isTrue();
        assertThat(subscription.lastSeq()).isEqualTo(1);
    }

    @Test
    void aMissingDaemonIsReportedWithWhatToCheck() throws IOException, InterruptedException {
        stub.server().close();

        try (EventSubscription subscription = subscribe(0, fastBackoff())) {
            ConnectionState state;
            do {
                state = nextState();
            } while (!(state instanceof Disconnected));
            assertThat(((Disconnected) state).reason()).startsWith("cannot reach mdnp at " + stub.server().socket())
                    .endsWith("(is mdnp running? is --inspect-socket right?)");
        }
    }

    @Test
    void statesDescribeThemselves() {
        assertThat(new Connecting(1, 0).describe()).isEqualTo("connecting");
        assertThat(new Connecting(3, 0).describe()).isEqualTo("connecting (attempt 3)");
        assertThat(new Disconnected("gone", Duration.ofMillis(200)).describe())
                .isEqualTo("disconnected: gone; retrying in 200 ms");
    }

    @Test
    void aReconnectNamesTheDaemonRunItsResumePointComesFrom() throws InterruptedException {
        stub.server().streamOfRunThenClose("2026-11-29T04:00:00Z", requestEvent(7, "NetworkDriver.Join"));
        stub.server().streamThenHold();

        try (EventSubscription subscription = subscribe(0, fastBackoff())) {
            assertThat(nextEvent().seq()).isEqualTo(7);
            StubHttpServer.Request first = stub.server().nextRequest();
            StubHttpServer.Request second = stub.server().nextRequest();
            assertThat(first.headers()).doesNotContainKey("mdnp-started-at");
            assertThat(second.header("Last-Event-ID")).isEqualTo("7");
            assertThat(second.header("Mdnp-Started-At")).isEqualTo("2026-11-29T04:00:00Z");
        }
    }

    private EventSubscription subscribe(long after, Backoff backoff) {
        return stub.client().subscribe(after, events::add, states::add, backoff, IDLE);
    }

    private static Backoff fastBackoff() {
        return new Backoff(Duration.ofMillis(10), Duration.ofMillis(40));
    }

    private InspectEvent nextEvent() throws InterruptedException {
        InspectEvent event = events.poll(10, TimeUnit.SECONDS);
        assertThat(event).as("an event within 10 s").isNotNull();
        return event;
    }

    private ConnectionState nextState() throws InterruptedException {
        ConnectionState state = states.poll(10, TimeUnit.SECONDS);
        assertThat(state).as("a state within 10 s").isNotNull();
        return state;
    }

    private ConnectionState lastState() {
        List<ConnectionState> all = new ArrayList<>();
        states.drainTo(all);
        assertThat(all).isNotEmpty();
        return all.get(all.size() - 1);
    }
}
