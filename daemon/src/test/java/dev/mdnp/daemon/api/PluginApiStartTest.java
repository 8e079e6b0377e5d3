package dev.mdnp.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mdnp.daemon.driver.DriverState;
import dev.mdnp.daemon.driver.NetworkDriver;
import dev.mdnp.daemon.ipam.IpamDriver;
import dev.mdnp.daemon.testsupport.FailingDriverJournal;
import dev.mdnp.daemon.testsupport.RecordingDataplane;
import dev.mdnp.daemon.testsupport.UnixHttpClient;
import dev.mdnp.daemon.testsupport.UnixHttpClient.Reply;
import dev.mdnp.daemon.transport.PeerPolicy;
import dev.mdnp.daemon.transport.UnixSocketServer;
import dev.mdnp.daemon.transport.UnixSocketServerConfig;
import dev.mdnp.model.inspect.RequestRecord;
import dev.mdnp.model.json.JsonMappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The plugin API of a daemon still starting: Activate at once, the other calls held until the drivers exist. */
class PluginApiStartTest {

    private static final String NET = "8f6511a52af05c1be2fd2d903e6ef9d77decc288ddf48f97a22cb101232400a2";
    private static final String CREATE_NETWORK = """
            {"NetworkID":"%s","Options":{},
             "IPv4Data":[{"AddressSpace":"LocalDefault","Gateway":"10.88.0.254/16","Pool":"10.88.0.0/16"}],
             "IPv6Data":[]}
            """.formatted(NET);

    private final RecordingRequestSink sink = new RecordingRequestSink();
    private final RecordingDataplane kernel = new RecordingDataplane();
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private Path dir;
    private PluginApi api;
    private UnixSocketServer server;

    @BeforeEach
    void start() throws IOException {
        dir = Files.createTempDirectory(Path.of("/tmp"), "mdnp-api-start");
        api = new PluginApi(JsonMappers.create(), new CallRecorder(sink, Clock.systemUTC()));
        server = UnixSocketServer.start(new UnixSocketServerConfig(dir.resolve("p.sock"),
                PosixFilePermissions.fromString("rw-------"), 64, 1, 4, PeerPolicy.anyone(), Duration.ofSeconds(2)),
                api.handler());
    }

    @AfterEach
    void stop() throws IOException {
        callers.shutdownNow();
        server.close();
        Files.deleteIfExists(dir);
    }

    @Test
    void activateIsAnsweredBeforeTheDriversExist() throws IOException {
        try (UnixHttpClient client = UnixHttpClient.connect(server.socketPath())) {
            Reply reply = client.post("/Plugin.Activate", "");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo("{\"Implements\":[\"NetworkDriver\",\"IpamDriver\"]}");
        }
        assertThat(sink.awaitRecord(0).method()).isEqualTo("Plugin.Activate");
    }

    @Test
    void aCallThatNeedsTheDriversWaitsUntilTheyOpenThenIsServedAndRecordedOnce() {
        CompletableFuture<Reply> held = post("/NetworkDriver.CreateNetwork", CREATE_NETWORK);
        CompletableFuture<Reply> capabilities = post("/IpamDriver.GetCapabilities", "");
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> !held.isDone() && !capabilities.isDone());
        assertThat(kernel.calls()).isEmpty();

        api.open(new NetworkDriver(new DriverState(), kernel, new FailingDriverJournal()), new IpamDriver());

        assertThat(held.join().status()).isEqualTo(200);
        assertThat(capabilities.join().body())
                .isEqualTo("{\"RequiresMACAddress\":false,\"RequiresRequestReplay\":false}");
        assertThat(kernel.calls()).isNotEmpty();
        RequestRecord first = sink.awaitRecord(0);
        RequestRecord second = sink.awaitRecord(1);
        assertThat(List.of(first.method(), second.method()))
                .containsExactlyInAnyOrder("NetworkDriver.CreateNetwork", "IpamDriver.GetCapabilities");
    }

    @Test
    void whenTheStartFailsTheHeldAndLaterCallsAreRefusedWithTheReasonButActivateStillAnswers() throws IOException {
        CompletableFuture<Reply> held = post("/NetworkDriver.CreateNetwork", CREATE_NETWORK);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !held.isDone());

        api.fail("cannot open the state in /var/lib/mdnp/mdnp: disk full");

        assertThat(held.join().status()).isEqualTo(503);
        assertThat(held.join().body())
                .isEqualTo("{\"Err\":\"mdnp could not start: cannot open the state in /var/lib/mdnp/mdnp: disk full\"}");
        try (UnixHttpClient client = UnixHttpClient.connect(server.socketPath())) {
            assertThat(client.post("/NetworkDriver.DeleteNetwork", "{\"NetworkID\":\"" + NET + "\"}").status())
                    .isEqualTo(503);
            assertThat(client.post("/Plugin.Activate", "").status()).isEqualTo(200);
        }
        assertThat(kernel.calls()).isEmpty();
    }

    private CompletableFuture<Reply> post(String path, String body) {
        return CompletableFuture.supplyAsync(() -> {
            try (UnixHttpClient client = UnixHttpClient.connect(server.socketPath())) {
                return client.post(path, body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, callers);
    }
}
