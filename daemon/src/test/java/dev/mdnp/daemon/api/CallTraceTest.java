package dev.mdnp.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.model.inspect.KernelOpRecord;
import dev.mdnp.model.inspect.PhaseTimings;
import dev.mdnp.model.inspect.RequestRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The phase arithmetic and body texts of one call's trace, on a ticker the test moves by hand. */
class CallTraceTest {

    private static final Instant START = Instant.parse("2026-11-28T21:40:02.113Z");

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final CallTrace trace = new CallTrace(7, START, "NetworkDriver.Join", now::get);

    @Test
    void aSuccessfulCallSplitsItsTimeIntoDisjointPhases() {
        advanceMicros(30);
        trace.bodyRead(bytes("{\"NetworkID\":\"n1\",\"EndpointID\":\"e1\"}"));
        advanceMicros(500); // waiting for a worker: in no phase
        trace.dispatched();
        advanceMicros(20);
        trace.named(new CallIds("n1", "e1", ""));
        trace.decoded();
        advanceMicros(100);
        trace.kernelOp(new KernelOpRecord("create veth", "mdnph1", 40, ""));
        trace.kernelOp(new KernelOpRecord("link up", "mdnph1", 10, ""));
        trace.storeCommitted(25_000);
        advanceMicros(900);
        trace.replying();
        trace.responded(ByteBuffer.wrap(bytes("{}")));
        advanceMicros(7);

        RequestRecord record = trace.finish(200);

        assertThat(record.phases()).isEqualTo(new PhaseTimings(50, 925, 50, 25, 7));
        assertThat(record.durationMicros()).isEqualTo(1557);
        assertThat(record).extracting(RequestRecord::seq, RequestRecord::start, RequestRecord::method,
                RequestRecord::networkId, RequestRecord::endpointId, RequestRecord::status, RequestRecord::error,
                RequestRecord::requestJson, RequestRecord::responseJson)
                .containsExactly(7L, START, "NetworkDriver.Join", "n1", "e1", 200, "",
                        "{\"NetworkID\":\"n1\",\"EndpointID\":\"e1\"}", "{}");
        assertThat(record.kernelOps()).extracting(KernelOpRecord::operation).containsExactly("create veth", "link up");
    }

    @Test
    void aBodyThatDoesNotDecodeHasNoDriverPhase() {
        trace.bodyRead(bytes("{not json"));
        trace.dispatched();
        advanceMicros(15);
        trace.replying();
        trace.failed("malformed JSON: boom", ByteBuffer.wrap(bytes("{\"Err\":\"malformed JSON: boom\"}")));
        advanceMicros(4);

        RequestRecord record = trace.finish(400);

        assertThat(record.phases()).isEqualTo(new PhaseTimings(15, 0, 0, 0, 4));
        assertThat(record.error()).isEqualTo("malformed JSON: boom");
        assertThat(record.responseJson()).isEqualTo("{\"Err\":\"malformed JSON: boom\"}");
    }

    @Test
    void aCallRefusedBeforeItsBodyIsReadHasOnlyAnEncodePhaseAndNoRequestText() {
        advanceMicros(3);
        trace.replying();
        trace.failed("unknown plugin method /X.Y", ByteBuffer.wrap(bytes("{\"Err\":\"unknown plugin method /X.Y\"}")));
        advanceMicros(2);

        RequestRecord record = trace.finish(404);

        assertThat(record.phases()).isEqualTo(new PhaseTimings(0, 0, 0, 0, 2));
        assertThat(record.durationMicros()).isEqualTo(5);
        assertThat(record.requestJson()).isEmpty();
        assertThat(record.networkId()).isEmpty();
    }

    @Test
    void kernelAndStoreTimeNeverExceedTheDriverMethodTheyHappenedIn() {
        trace.bodyRead(bytes("{}"));
        trace.dispatched();
        trace.decoded();
        trace.kernelOp(new KernelOpRecord("create bridge", "mdnpb1", 80, ""));
        trace.storeCommitted(50_000);
        advanceMicros(100);
        trace.replying();

        RequestRecord record = trace.finish(200);

        assertThat(record.phases()).isEqualTo(new PhaseTimings(0, 0, 80, 20, 0));
        assertThat(record.kernelOps()).extracting(KernelOpRecord::durationMicros).containsExactly(80L);
    }

    @Test
    void onlyTheFirstReplyMarkCounts() {
        trace.dispatched();
        trace.decoded();
        advanceMicros(10);
        trace.replying(); // encoding the reply failed, and the error reply marks again
        advanceMicros(10);
        trace.replying();
        advanceMicros(10);

        assertThat(trace.finish(500).phases()).isEqualTo(new PhaseTimings(0, 10, 0, 0, 20));
    }

    @Test
    void aLongBodyIsCutAt64KibAndMarked() {
        String body = "{\"Options\":\"" + "x".repeat(70_000) + "\"}";

        String text = CallTrace.text(bytes(body));

        assertThat(text).hasSize(CallTrace.MAX_TEXT_BYTES + 1).endsWith("x…").startsWith("{\"Options\":\"xxx");
    }

    @Test
    void aCutNeverSplitsACharacter() {
        byte[] body = bytes("a" + "é".repeat(CallTrace.MAX_TEXT_BYTES)); // 'é' is 2 bytes: the cut falls inside one

        String text = CallTrace.text(body);

        assertThat(text).isEqualTo("a" + "é".repeat((CallTrace.MAX_TEXT_BYTES - 1) / 2) + "…");
    }

    @Test
    void aBodyOfExactly64KibIsKeptWhole() {
        String body = "y".repeat(CallTrace.MAX_TEXT_BYTES);

        assertThat(CallTrace.text(bytes(body))).isEqualTo(body);
    }

    private void advanceMicros(long micros) {
        now.addAndGet(micros * 1_000);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
