package dev.mdnp.inspector.client;

import static dev.mdnp.inspector.testsupport.ObjectsFixture.classroom;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.inspector.model.DaemonObjects;
import dev.mdnp.model.client.StubHttpServer;
import dev.mdnp.model.client.StubInspectDaemon;
import dev.mdnp.model.json.JsonMappers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The light reading of the counters, one tick at a time (the feed's scheduler calls {@link CounterPoll#tick} every
 * second), against a scripted inspect socket.
 */
class CounterPollTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:01Z");

    private final ObjectMapper json = JsonMappers.create();
    private final CounterPoll poll = new CounterPoll(Clock.fixed(NOW, ZoneOffset.UTC));
    private final DaemonObjects before = classroom(1000);
    private final DaemonObjects after = classroom(1098);
    @RegisterExtension
    final StubInspectDaemon stub = new StubInspectDaemon();

    @Test
    void isOffUntilAViewWantsIt() {
        poll.base(before);

        assertThat(poll.wanted()).isFalse();
        assertThat(poll.tick(stub.client())).isEmpty();
        assertThat(stub.server().requests()).isEmpty();
    }

    @Test
    void readsNothingBeforeTheFirstFullReading() {
        poll.setWanted(true);

        assertThat(poll.tick(stub.client())).isEmpty();
        assertThat(stub.server().requests()).isEmpty();
    }

    @Test
    void readsOnlyTheLinksAndContainersIntoTheLastReading() throws JsonProcessingException {
        replyCounters();
        poll.base(before);
        poll.setWanted(true);

        Optional<DaemonObjects> read = poll.tick(stub.client());

        assertThat(read).hasValueSatisfying(objects -> {
            assertThat(objects.links()).isEqualTo(after.links());
            assertThat(objects.containers()).isEqualTo(after.containers());
            assertThat(objects.networks()).isEqualTo(before.networks());
            assertThat(objects.endpoints()).isEqualTo(before.endpoints());
            assertThat(objects.readAt()).isEqualTo(NOW);
        });
        assertThat(stub.server().requests()).extracting(StubHttpServer.Request::path)
                .containsExactly("/v1/links", "/v1/containers");
    }

    @Test
    void aDaemonOlderThanContainersStillGivesItsLinks() throws JsonProcessingException {
        stub.server().reply("/v1/links", 200, json.writeValueAsString(after.links()));
        poll.base(before);
        poll.setWanted(true);

        Optional<DaemonObjects> read = poll.tick(stub.client()); // /v1/containers answers 404

        assertThat(read).hasValueSatisfying(objects -> {
            assertThat(objects.links()).isEqualTo(after.links());
            assertThat(objects.containers()).isEmpty();
        });
    }

    @Test
    void aFailedReadReportsNothing() {
        stub.server().reply("/v1/links", 500, "{\"Err\":\"boom\"}");
        poll.base(before);
        poll.setWanted(true);

        assertThat(poll.tick(stub.client())).isEmpty();
    }

    @Test
    void stopsWhenNoViewWantsItAnyMore() throws JsonProcessingException {
        replyCounters();
        poll.base(before);
        poll.setWanted(true);
        poll.tick(stub.client());

        poll.setWanted(false);

        assertThat(poll.tick(stub.client())).isEmpty();
        assertThat(stub.server().requests()).hasSize(2);
    }

    private void replyCounters() throws JsonProcessingException {
        stub.server().reply("/v1/links", 200, json.writeValueAsString(after.links()));
        stub.server().reply("/v1/containers", 200, json.writeValueAsString(after.containers()));
    }
}
