package dev.mdnp.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.mdnp.daemon.driver.DriverJournal;
import dev.mdnp.daemon.driver.DriverState;
import dev.mdnp.daemon.driver.Endpoint;
import dev.mdnp.daemon.driver.Network;
import dev.mdnp.daemon.driver.NetworkDriver;
import dev.mdnp.daemon.ipam.IpamDriver;
import dev.mdnp.daemon.testsupport.RecordingDataplane;
import dev.mdnp.daemon.testsupport.UnixHttpClient;
import dev.mdnp.daemon.testsupport.UnixHttpClient.Reply;
import dev.mdnp.daemon.transport.PeerPolicy;
import dev.mdnp.daemon.transport.UnixSocketServer;
import dev.mdnp.daemon.transport.UnixSocketServerConfig;
import dev.mdnp.model.inspect.KernelOpRecord;
import dev.mdnp.model.inspect.PhaseTimings;
import dev.mdnp.model.inspect.RequestRecord;
import dev.mdnp.model.json.JsonMappers;
import io.undertow.server.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Every plugin call becomes one RequestRecord, served by the real transport on a real UNIX socket over the real
 * driver. Time comes from a ticker that moves 1 ms at each reading, so the phases are exact and no test reads the
 * wall clock.
 */
class RequestRecordingTest {

    private static final String NET = "8f6511a52af05c1be2fd2d903e6ef9d77decc288ddf48f97a22cb101232400a2";
    private static final String EP = "e0b0a8e2947b04d75c24d44050aff50d943411ee11c51df70fddd4873345caed";
    private static final String CREATE_NETWORK = "{\"NetworkID\":\"" + NET + "\",\"Options\":{},"
            + "\"IPv4Data\":[{\"AddressSpace\":\"LocalDefault\",\"Gateway\":\"10.88.0.254/16\","
            + "\"Pool\":\"10.88.0.0/16\"}],\"IPv6Data\":[]}";
    private static final String CREATE_ENDPOINT = "{\"NetworkID\":\"" + NET + "\",\"EndpointID\":\"" + EP + "\","
            + "\"Interface\":{\"Address\":\"10.88.5.77/16\",\"AddressIPv6\":\"\",\"MacAddress\":\"02:42:0a:58:05:4d\"},"
            + "\"Options\":{}}";
    private static final String JOIN = "{\"NetworkID\":\"" + NET + "\",\"EndpointID\":\"" + EP + "\","
            + "\"SandboxKey\":\"/var/run/docker/netns/x\",\"Options\":{}}";
    private static final Instant NOW = Instant.parse("2026-11-28T21:40:02.113Z");
    private static final long TICK_NANOS = 1_000_000;
    private static final long TICK_MICROS = 1_000;
    /** What the journal double reports per commit, as the durable store would. */
    private static final long STORE_NANOS = 200_000;

    private final RecordingRequestSink sink = new RecordingRequestSink();
    private Path dir;
    private UnixSocketServer server;
    private UnixHttpClient client;

    @BeforeEach
    void start() throws IOException {
        dir = Files.createTempDirectory(Path.of("/tmp"), "mdnp-rec");
    }

    @AfterEach
    void stop() throws IOException {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        Files.deleteIfExists(dir);
    }

    @Test
    void aContainerStartIsRecordedCallByCallInOrder() throws IOException {
        serveApi(sink);

        Reply created = client.post("/NetworkDriver.CreateNetwork", CREATE_NETWORK);
        sink.awaitRecords(1); // the step ticker is exact only while calls do not overlap
        Reply endpoint = client.post("/NetworkDriver.CreateEndpoint", CREATE_ENDPOINT);
        sink.awaitRecords(2);
        Reply joined = client.post("/NetworkDriver.Join", JOIN);
        List<RequestRecord> records = sink.awaitRecords(3);

        assertThat(records).extracting(RequestRecord::seq, RequestRecord::method, RequestRecord::networkId,
                RequestRecord::endpointId, RequestRecord::status, RequestRecord::error).containsExactly(
                tuple(1L, "NetworkDriver.CreateNetwork", NET, "", 200, ""),
                tuple(2L, "NetworkDriver.CreateEndpoint", NET, EP, 200, ""),
                tuple(3L, "NetworkDriver.Join", NET, EP, 200, ""));
        assertThat(records).extracting(RequestRecord::requestJson)
                .containsExactly(CREATE_NETWORK, CREATE_ENDPOINT, JOIN);
        assertThat(records).extracting(RequestRecord::responseJson)
                .containsExactly(created.body(), endpoint.body(), joined.body());
        assertThat(joined.body()).contains("\"SrcName\":\"mdnpce0b0a8e294\"");
        assertThat(records).extracting(RequestRecord::start).containsOnly(NOW);
    }

    @Test
    void aCallsPhasesAreTakenBetweenTheChainsMarksAndStoreTimeIsTakenOutOfTheDriversShare() throws IOException {
        serveApi(sink);

        client.post("/NetworkDriver.CreateNetwork", CREATE_NETWORK);
        RequestRecord record = sink.awaitRecord(0);

        // start, body read, dispatched, decoded, replying, end: one tick apart
        assertThat(record.durationMicros()).isEqualTo(5 * TICK_MICROS);
        assertThat(record.phases()).isEqualTo(new PhaseTimings(2 * TICK_MICROS, TICK_MICROS - STORE_NANOS / 1_000,
                0, STORE_NANOS / 1_000, TICK_MICROS));
    }

    @Test
    void failedCallsAreRecordedWithTheirStatusAndErr() throws IOException {
        serveApi(sink);

        client.post("/NetworkDriver.CreateNetwork", "{not json");
        RequestRecord malformed = sink.awaitRecord(0);
        client.post("/NetworkDriver.Join", JOIN);
        RequestRecord unknownEndpoint = sink.awaitRecord(1);
        client.post("/NetworkDriver.Nope", "{}");
        RequestRecord unknownPath = sink.awaitRecord(2);
        client.exchange(("POST /NetworkDriver.CreateNetwork HTTP/1.1\r\nHost:\r\n"
                + "Content-Length: 1048577\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        RequestRecord oversized = sink.awaitRecord(3);

        assertThat(malformed).extracting(RequestRecord::seq, RequestRecord::method, RequestRecord::status,
                RequestRecord::requestJson).containsExactly(1L, "NetworkDriver.CreateNetwork", 400, "{not json");
        assertThat(malformed.error()).startsWith("malformed JSON");
        assertThat(malformed.phases().driverMicros()).isZero();
        assertThat(unknownEndpoint).extracting(RequestRecord::status, RequestRecord::networkId,
                RequestRecord::endpointId).containsExactly(400, NET, EP);
        assertThat(unknownEndpoint.error()).contains("is not known");
        assertThat(unknownPath).extracting(RequestRecord::method, RequestRecord::status, RequestRecord::error)
                .containsExactly("NetworkDriver.Nope", 404, "unknown plugin method /NetworkDriver.Nope");
        assertThat(oversized).extracting(RequestRecord::status, RequestRecord::requestJson)
                .containsExactly(413, "");
        assertThat(oversized.error()).contains("too large");
        for (RequestRecord failed : List.of(malformed, unknownEndpoint, unknownPath, oversized)) {
            assertThat(failed.ok()).isFalse();
            assertThat(failed.responseJson()).isEqualTo(JsonMappers.create().createObjectNode()
                    .put("Err", failed.error()).toString());
        }
    }

    @Test
    void aLongRequestIsKeptCutAt64Kib() throws IOException {
        serveApi(sink);
        String padded = "{\"NetworkID\":\"abc\"}" + " ".repeat(100_000);

        assertThat(client.post("/NetworkDriver.FreeNetwork", padded).status()).isEqualTo(200);

        RequestRecord record = sink.awaitRecord(0);
        assertThat(record.requestJson()).hasSize(CallTrace.MAX_TEXT_BYTES + 1)
                .isEqualTo(padded.substring(0, CallTrace.MAX_TEXT_BYTES) + "…");
    }

    @Test
    void phasesNeverAddUpToMoreThanTheCallOnTheRealClock() throws IOException {
        serveApi(new CallRecorder(sink, Clock.systemUTC()), DriverJournal.NONE);

        client.post("/NetworkDriver.CreateNetwork", CREATE_NETWORK);
        client.post("/NetworkDriver.CreateEndpoint", CREATE_ENDPOINT);
        client.post("/NetworkDriver.Join", "{\"NetworkID\":\"" + NET + "\",\"EndpointID\":\"nope\"}");
        client.post("/NetworkDriver.Join", "[]");
        client.post("/NetworkDriver.Nope", "{}");

        assertThat(sink.awaitRecords(5)).allSatisfy(record -> {
            PhaseTimings p = record.phases();
            assertThat(p.decodeMicros() + p.driverMicros() + p.kernelMicros() + p.storeMicros() + p.encodeMicros())
                    .isLessThanOrEqualTo(record.durationMicros());
            assertThat(List.of(p.decodeMicros(), p.driverMicros(), p.kernelMicros(), p.storeMicros(),
                    p.encodeMicros())).allSatisfy(micros -> assertThat(micros).isNotNegative());
        // One call per connection: a call's record may be published just after the next call's.
        }).extracting(RequestRecord::seq).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aThrowingSinkFailsNoCallAndIsLoggedOncePerThousandFailures() throws IOException {
        AtomicLong offered = new AtomicLong();
        Logger logger = (Logger) LoggerFactory.getLogger(CallRecorder.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            serveApi(record -> {
                offered.incrementAndGet();
                throw new IllegalStateException("sink is down");
            });

            for (int i = 0; i < 3; i++) {
                assertThat(client.post("/Plugin.Activate", "").status()).isEqualTo(200);
            }
            await().until(() -> offered.get() == 3);
        } finally {
            logger.detachAppender(appender);
        }
        assertThat(appender.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).isEqualTo("request sink failed, record lost seq=1 failures=1");
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("sink is down");
        });
    }

    @Test
    void callsOfOneMethodShareTheMethodNameTheRouteTableMadeOnce() throws IOException {
        serveApi(sink);

        client.post("/NetworkDriver.GetCapabilities", "");
        sink.awaitRecords(1);
        client.post("/NetworkDriver.GetCapabilities", "");
        List<RequestRecord> records = sink.awaitRecords(2);

        assertThat(records.get(0).method()).isEqualTo("NetworkDriver.GetCapabilities")
                .isSameAs(records.get(1).method()); // one string for the history, not one per call
    }

    @Test
    void kernelOpsAndStoreCommitsReportedDuringACallLandInThatCallOnly() throws IOException {
        CallRecorder recorder = new CallRecorder(sink, Clock.fixed(NOW, ZoneOffset.UTC), stepTicker());
        JsonCodec codec = new JsonCodec(JsonMappers.create());
        RouteTable routes = new RouteTable(codec, new ErrorReplies(codec), PluginApi.MAX_BODY_BYTES, recorder);
        routes.post("/Test.KernelWork", routes.noArgs(() -> {
            recorder.kernelOp(new KernelOpRecord("create bridge", "mdnpb8f6511a52a", 300, ""));
            recorder.kernelOp(new KernelOpRecord("link up", "mdnpb8f6511a52a", 100, "no such device (ENODEV)"));
            recorder.storeCommitted(STORE_NANOS);
            return Map.of();
        }));
        routes.post("/Test.Idle", routes.noArgs(Map::of));
        serve(new RecordingHandler(recorder, routes::method, routes.handler()));

        recorder.kernelOp(new KernelOpRecord("outside", "any call", 1, "")); // no call runs on this thread
        recorder.storeCommitted(STORE_NANOS);
        client.post("/Test.KernelWork", "");
        RequestRecord busy = sink.awaitRecord(0);
        client.post("/Test.Idle", "");
        RequestRecord idle = sink.awaitRecord(1);

        assertThat(busy.kernelOps()).containsExactly(
                new KernelOpRecord("create bridge", "mdnpb8f6511a52a", 300, ""),
                new KernelOpRecord("link up", "mdnpb8f6511a52a", 100, "no such device (ENODEV)"));
        assertThat(busy.phases()).isEqualTo(new PhaseTimings(2 * TICK_MICROS, TICK_MICROS - 400 - 200, 400, 200,
                TICK_MICROS));
        assertThat(idle.kernelOps()).isEmpty();
        assertThat(idle.phases()).isEqualTo(new PhaseTimings(2 * TICK_MICROS, TICK_MICROS, 0, 0, TICK_MICROS));
    }

    private void serveApi(RequestSink requestSink) throws IOException {
        CallRecorder recorder = new CallRecorder(requestSink, Clock.fixed(NOW, ZoneOffset.UTC), stepTicker());
        serveApi(recorder, new StoreReportingJournal(recorder));
    }

    private void serveApi(CallRecorder recorder, DriverJournal journal) throws IOException {
        NetworkDriver driver = new NetworkDriver(new DriverState(), new RecordingDataplane(), journal);
        serve(new PluginApi(driver, new IpamDriver(), JsonMappers.create(), recorder).handler());
    }

    private void serve(HttpHandler handler) throws IOException {
        server = UnixSocketServer.start(new UnixSocketServerConfig(dir.resolve("p.sock"),
                PosixFilePermissions.fromString("rw-------"), 64, 1, 4, PeerPolicy.anyone(), Duration.ofSeconds(2)),
                handler);
        client = UnixHttpClient.connect(server.socketPath());
    }

    /** A ticker that moves one millisecond at each reading. */
    private static LongSupplier stepTicker() {
        AtomicLong nanos = new AtomicLong();
        return () -> nanos.addAndGet(TICK_NANOS);
    }

    /** A journal that keeps nothing but reports each commit's time, on the calling thread, as the real store does. */
    private static final class StoreReportingJournal implements DriverJournal {

        private final CallRecorder recorder;

        StoreReportingJournal(CallRecorder recorder) {
            this.recorder = recorder;
        }

        @Override
        public void networkCreated(Network network) {
            recorder.storeCommitted(STORE_NANOS);
        }

        @Override
        public void networkDeleted(String networkId) {
            recorder.storeCommitted(STORE_NANOS);
        }

        @Override
        public void endpointCreated(Endpoint endpoint) {
            recorder.storeCommitted(STORE_NANOS);
        }

        @Override
        public void endpointChanged(Endpoint endpoint) {
            recorder.storeCommitted(STORE_NANOS);
        }

        @Override
        public void endpointDeleted(String endpointId) {
            recorder.storeCommitted(STORE_NANOS);
        }
    }
}
