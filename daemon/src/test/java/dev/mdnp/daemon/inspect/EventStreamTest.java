package dev.mdnp.daemon.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.daemon.inspect.EventStreamClient.Frame;
import dev.mdnp.daemon.netlink.BridgeLink;
import dev.mdnp.daemon.netlink.LinkEvent;
import dev.mdnp.model.inspect.InspectEvent;
import dev.mdnp.model.json.JsonMappers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code /v1/events} over a real socket: completeness, order, resume, and clients that do not keep up. */
@Timeout(120)
class EventStreamTest {

    private final ObjectMapper mapper = JsonMappers.create();

    @TempDir
    Path dir;

    private static List<Long> ids(List<Frame> frames) {
        return frames.stream().map(Frame::seq).toList();
    }

    @Test
    void aThousandRapidCallsAllArriveInOrderWithoutGaps() throws Exception {
        try (InspectFixture inspect = InspectFixture.start(dir);
                EventStreamClient client = EventStreamClient.open(inspect.socket(), "/v1/events?after=0")) {
            assertThat(client.status()).contains("200");
            for (int i = 0; i < 1_000; i++) {
                inspect.history.recorded(Records.call());
            }

            List<Frame> frames = client.until(1_000);

            assertThat(ids(frames)).containsExactlyElementsOf(LongStream.rangeClosed(1, 1_000).boxed().toList());
            assertThat(frames).extracting(Frame::event).containsOnly("request");
            List<Long> recordSeqs = new ArrayList<>();
            for (Frame frame : frames) {
                JsonNode data = mapper.readTree(frame.data());
                assertThat(data.get("type").asText()).isEqualTo("request");
                recordSeqs.add(data.get("record").get("seq").asLong());
            }
            assertThat(recordSeqs).containsExactlyElementsOf(LongStream.rangeClosed(1, 1_000).boxed().toList());
        }
    }

    @Test
    void aBacklogOfManyWritesArrivesWholeAndInOrder() throws Exception {
        try (InspectFixture inspect = InspectFixture.start(dir)) {
            for (int i = 0; i < 1_200; i++) { // more than two full writes of a stream
                inspect.history.recorded(Records.call());
            }

            try (EventStreamClient client = EventStreamClient.open(inspect.socket(), "/v1/events?after=0")) {
                assertThat(ids(client.until(1_200))).containsExactlyElementsOf(
                        LongStream.rangeClosed(1, 1_200).boxed().toList());
            }
        }
    }

    @Test
    void burstsBetweenPausesArriveWholeAndInOrder() throws Exception {
        try (InspectFixture inspect = InspectFixture.start(dir);
                EventStreamClient client = EventStreamClient.open(inspect.socket(), "/v1/events?after=0")) {
            List<Long> received = new ArrayList<>();
            for (int burst = 0; burst < 12; burst++) {
                // Each burst follows a write of the stream: some of it lands while the stream paces its writes.
                for (int i = 0; i < 1 + burst * 7; i++) {
                    inspect.history.recorded(Records.call());
                }
                received.addAll(ids(client.until(inspect.history.lastSeq())));
            }

            assertThat(received).containsExactlyElementsOf(
                    LongStream.rangeClosed(1, inspect.history.lastSeq()).boxed().toList());
        }
    }

    @Test
    void aClientWithoutResumePointGetsWhatIsPublishedAfterItConnected() throws Exception {
        try (InspectFixture inspect = InspectFixture.start(dir)) {
            inspect.history.recorded(Records.call());
            try (EventStreamClient client = EventStreamClient.open(inspect.socket(), "/v1/events")) {
                // The stream has started once the handler runs; an event published from here on may be the first.
                awaitClients(inspect, 1);
                inspect.history.recorded(Records.call());

                assertThat(client.next().seq()).isEqualTo(2);
            }
        }
    }

    @Test
    void aClientResumingWithLastEventIdGetsWhatItMissed() throws Exception {
        try (InspectFixture inspect = InspectFixture.start(dir)) {
            long seen;
            try (EventStreamClient client = EventStreamClient.open(inspect.socket(), "/v1/events?after=0")) {
                for (int i = 0; i < 300; i++) {
                    inspect.history.recorded(Records.call());
                }
                seen = client.until(120).get(119).seq();
            }
            for (int i = 0; i < 200; i++) {
                inspect.history.recorded(Records.call());
            }

            try (EventStreamClient resumed = EventStreamClient.open(inspect.socket(), "/v1/events?after=3",
                    "Last-Event-ID: " + seen)) {
                assertThat(ids(resumed.until(500))).containsExactlyElementsOf(
                        LongStream.rangeClosed(121, 500).boxed().toList());
            }
        }
    }

    @Test
    void aStreamNamesTheRunAndAResumePointOfAnotherRunIsToldLostThenGetsEveryEventKept() throws Exception {
        try (InspectFixture inspect = InspectFixture.start(dir)) {
            for (int i = 0; i < 20; i++) {
                inspect.history.recorded(Records.call());
            }
            String run = InspectFixture.STARTED.toString();

            try (EventStreamClient sameRun = EventStreamClient.open(inspect.socket(), "/v1/events",
                    "Last-Event-ID: 5", "Mdnp-Started-At: " + run)) {
                assertThat(sameRun.header("Mdnp-Started-At")).isEqualTo(run);
                assertThat(ids(sameRun.until(20))).containsExactlyElementsOf(
                        LongStream.rangeClosed(6, 20).boxed().toList());
            }
            // A client that saw event 5 of an earlier run: this run's 1 to 5 are other events, new to it.
            try (EventStreamClient otherRun = EventStreamClient.open(inspect.socket(), "/v1/events",
                    "Last-Event-ID: 5", "Mdnp-Started-At: 2025-01-30T08:00:00Z")) {
                Frame lost = otherRun.next();
                assertThat(lost.event()).isEqualTo("lost");
                assertThat(mapper.readValue(lost.data(), InspectEvent.class)).isEqualTo(new InspectEvent.Lost(0, 1));
                assertThat(ids(otherRun.until(20))).containsExactlyElementsOf(
                        LongStream.rangeClosed(1, 20).boxed().toList());
            }
            // after=0 asks for every event kept, whatever the run: nothing to be told.
            try (EventStreamClient everything = EventStreamClient.open(inspect.socket(), "/v1/events?after=0",
                    "Mdnp-Started-At: 2025-01-30T08:00:00Z")) {
                assertThat(ids(everything.until(20))).containsExactlyElementsOf(
                        LongStream.rangeClosed(1, 20).boxed().toList());
            }
            assertThat(inspect.history.events().dropped()).isZero();
        }
    }

    @Test
    void aClientResumingTooLateIsToldWhatIsLostThenGetsWhatIsKept() throws Exception {
        try (InspectFixture inspect = InspectFixture.start(dir, 50, null)) {
            for (int i = 0; i < 200; i++) {
                inspect.history.recorded(Records.call());
            }

            try (EventStreamClient client = EventStreamClient.open(inspect.socket(), "/v1/events",
                    "Last-Event-ID: 10")) {
                Frame lost = client.next();
                assertThat(lost.event()).isEqualTo("lost");
                assertThat(mapper.readValue(lost.data(), InspectEvent.class)).isEqualTo(new InspectEvent.Lost(150, 151));
                assertThat(ids(client.until(200))).containsExactlyElementsOf(
                        LongStream.rangeClosed(151, 200).boxed().toList());
            }
            assertThat(inspect.history.events().dropped()).isEqualTo(140);
        }
    }

    @Test
    void aStalledClientNeitherSlowsThePublisherNorMissesEventsSilently() throws Exception {
        try (InspectFixture inspect = InspectFixture.start(dir, 100, null);
                EventStreamClient stalled = EventStreamClient.open(inspect.socket(), "/v1/events?after=0")) {
            awaitClients(inspect, 1);
            String big = "x".repeat(4_000);
            // Far more than the socket buffers hold: the stream's writer blocks, the publisher must not.
            for (int i = 0; i < 5_000; i++) {
                inspect.history.recorded(Records.call("NetworkDriver.Join", big));
            }
            assertThat(inspect.history.lastSeq()).isEqualTo(5_000);

            List<Frame> frames = stalled.until(5_000);

            assertThat(frames).anySatisfy(frame -> assertThat(frame.event()).isEqualTo("lost"));
            assertThat(ids(frames)).isSorted();
            assertThat(ids(frames).subList(frames.size() - 100, frames.size())).containsExactlyElementsOf(
                    LongStream.rangeClosed(4_901, 5_000).boxed().toList());
            assertThat(inspect.history.events().dropped()).isPositive();
        }
    }

    @Test
    void kernelLinkChangesOfMdnpAreStreamed() throws Exception {
        try (InspectFixture inspect = InspectFixture.start(dir);
                EventStreamClient client = EventStreamClient.open(inspect.socket(), "/v1/events?after=0")) {
            var listener = inspect.links.listeners().get(0);
            listener.onLinkEvent(new LinkEvent(LinkEvent.Kind.NEW,
                    new BridgeLink(LinkDriftTest.attrs(3, "eth0", 0))));
            listener.onLinkEvent(new LinkEvent(LinkEvent.Kind.NEW,
                    new BridgeLink(LinkDriftTest.attrs(5, "mdnpb8f6511a52a", 0))));
            listener.onLinkEvent(new LinkEvent(LinkEvent.Kind.NEW,
                    new BridgeLink(LinkDriftTest.attrs(5, "mdnpb8f6511a52a", 0))));
            listener.onLinkEvent(new LinkEvent(LinkEvent.Kind.DELETED,
                    new BridgeLink(LinkDriftTest.attrs(5, "mdnpb8f6511a52a", 0))));

            List<Frame> frames = client.until(3);

            assertThat(frames).extracting(Frame::event).containsOnly("link");
            assertThat(frames).extracting(frame -> mapper.readTree(frame.data()).get("change").asText())
                    .containsExactly("added", "changed", "removed");
            assertThat(mapper.readTree(frames.get(0).data()).get("link").get("drift").asText())
                    .isEqualTo("UNKNOWN_TO_STATE");
        }
    }

    @Test
    void stoppingTheServerEndsOpenStreams() throws Exception {
        InspectFixture inspect = InspectFixture.start(dir);
        try (EventStreamClient client = EventStreamClient.open(inspect.socket(), "/v1/events")) {
            awaitClients(inspect, 1);
            inspect.close();
            assertThatIOException().isThrownBy(client::next);
        }
    }

    private static void awaitClients(InspectFixture inspect, int count) {
        await().until(() -> inspect.streamClients() == count);
    }
}
