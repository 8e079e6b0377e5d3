package dev.mdnp.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.mdnp.daemon.dataplane.DataplaneException;
import dev.mdnp.daemon.driver.DriverException;
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
import dev.mdnp.model.json.JsonMappers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/** The plugin API served by the real transport on a real UNIX socket, over the real driver. */
class PluginApiTest {

    private static final String NET = "8f6511a52af05c1be2fd2d903e6ef9d77decc288ddf48f97a22cb101232400a2";
    private static final String EP = "e0b0a8e2947b04d75c24d44050aff50d943411ee11c51df70fddd4873345caed";
    private static final String CREATE_NETWORK = """
            {"NetworkID":"%s","Options":{"com.docker.network.enable_ipv6":true,
             "com.docker.network.generic":{"x":"y"}},
             "IPv4Data":[{"AddressSpace":"LocalDefault","Gateway":"10.88.0.254/16","Pool":"10.88.0.0/16"}],
             "IPv6Data":[{"AddressSpace":"LocalDefault","Gateway":"fd88::1/64","Pool":"fd88::/64"}]}
            """.formatted(NET);
    private static final String IDS = "{\"NetworkID\":\"" + NET + "\",\"EndpointID\":\"" + EP + "\"}";
    private static final String CREATE_ENDPOINT = "{\"NetworkID\":\"" + NET + "\",\"EndpointID\":\"" + EP + "\","
            + "\"Interface\":{\"Address\":\"10.88.5.77/16\",\"AddressIPv6\":\"\",\"MacAddress\":\"02:42:0a:58:05:4d\"},"
            + "\"Options\":{\"com.docker.network.endpoint.exposedports\":[],\"com.docker.network.portmap\":[]}}";
    private static final String OK = "{}";

    private Path dir;
    private final RecordingDataplane kernel = new RecordingDataplane();
    private final FailingDriverJournal journal = new FailingDriverJournal();
    private DriverState state;
    private UnixSocketServer server;
    private UnixHttpClient client;

    @BeforeEach
    void start() throws IOException {
        dir = Files.createTempDirectory(Path.of("/tmp"), "mdnp-api");
        state = new DriverState();
        PluginApi api = new PluginApi(new NetworkDriver(state, kernel, journal), new IpamDriver(),
                JsonMappers.create());
        server = UnixSocketServer.start(new UnixSocketServerConfig(dir.resolve("p.sock"),
                PosixFilePermissions.fromString("rw-------"), 64, 1, 4, PeerPolicy.anyone(), Duration.ofSeconds(2)),
                api.handler());
        client = UnixHttpClient.connect(server.socketPath());
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
        Files.deleteIfExists(dir);
    }

    @Test
    void activateDeclaresBothInterfaces() throws IOException {
        Reply reply = client.post("/Plugin.Activate", "");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"Implements\":[\"NetworkDriver\",\"IpamDriver\"]}");
        assertThat(reply.header("Content-Type")).isEqualTo("application/vnd.docker.plugins.v1.2+json");
    }

    @Test
    void registrationCallsAnswerPerTheSpec() throws IOException {
        assertThat(client.post("/NetworkDriver.GetCapabilities", "").body())
                .isEqualTo("{\"Scope\":\"local\",\"ConnectivityScope\":\"local\"}");
        assertThat(client.post("/IpamDriver.GetCapabilities", "").body())
                .isEqualTo("{\"RequiresMACAddress\":false,\"RequiresRequestReplay\":false}");
        assertThat(client.post("/IpamDriver.GetDefaultAddressSpaces", "").body())
                .isEqualTo("{\"LocalDefaultAddressSpace\":\"MdnpLocal\",\"GlobalDefaultAddressSpace\":\"MdnpGlobal\"}");
    }

    @Test
    void aContainerLifecycleRunsThroughEveryNetworkDriverCallOnOneConnection() throws IOException {
        assertOk(client.post("/NetworkDriver.CreateNetwork", CREATE_NETWORK), OK);
        assertOk(client.post("/NetworkDriver.CreateEndpoint", CREATE_ENDPOINT), OK);
        assertOk(client.post("/NetworkDriver.Join", IDS.replace("}", ",\"SandboxKey\":\"/x\",\"Options\":{}}")),
                "{\"InterfaceName\":{\"SrcName\":\"mdnpce0b0a8e294\",\"DstPrefix\":\"eth\"},"
                        + "\"Gateway\":\"10.88.0.254\",\"GatewayIPv6\":\"fd88::1\"}");
        assertOk(client.post("/NetworkDriver.ProgramExternalConnectivity",
                IDS.replace("}", ",\"Options\":{\"com.docker.network.portmap\":[]}}")), OK);
        assertOk(client.post("/NetworkDriver.EndpointOperInfo", IDS), "{\"Value\":{}}");
        assertOk(client.post("/NetworkDriver.RevokeExternalConnectivity", IDS), OK);
        assertOk(client.post("/NetworkDriver.Leave", IDS), OK);
        assertOk(client.post("/NetworkDriver.DeleteEndpoint", IDS), OK);
        assertOk(client.post("/NetworkDriver.DeleteNetwork", "{\"NetworkID\":\"" + NET + "\"}"), OK);

        assertThat(state.networks()).isEmpty();
        assertThat(state.endpoints()).isEmpty();
    }

    @Test
    void swarmAndDiscoveryCallsAreAcknowledged() throws IOException {
        assertOk(client.post("/NetworkDriver.AllocateNetwork",
                "{\"NetworkID\":\"9xa1z4051lyvks2i9hqd9dcoe\",\"Options\":{\"userkey\":\"uservalue\"},"
                        + "\"IPv4Data\":[{\"AddressSpace\":\"\",\"Gateway\":\"10.66.0.1/24\",\"Pool\":\"10.66.0.0/24\"}],"
                        + "\"IPv6Data\":null}"),
                "{\"Options\":{\"userkey\":\"uservalue\"}}");
        assertOk(client.post("/NetworkDriver.FreeNetwork", "{\"NetworkID\":\"9xa1z4051lyvks2i9hqd9dcoe\"}"), OK);
        String discovery = "{\"DiscoveryType\":1,\"DiscoveryData\":{\"Address\":\"192.0.2.2\",\"Self\":true}}";
        assertOk(client.post("/NetworkDriver.DiscoverNew", discovery), OK);
        assertOk(client.post("/NetworkDriver.DiscoverDelete", discovery), OK);
    }

    @Test
    void ipamAllocatesAPoolAndAddressesAndReleasesAreTolerated() throws IOException {
        String poolId = "\"PoolID\":\"MdnpLocal/10.231.0.0/24\"";
        assertOk(client.post("/IpamDriver.RequestPool",
                "{\"AddressSpace\":\"MdnpLocal\",\"Pool\":\"\",\"SubPool\":\"\",\"Options\":{},\"V6\":false}"),
                "{" + poolId + ",\"Pool\":\"10.231.0.0/24\",\"Data\":{}}");
        assertOk(client.post("/IpamDriver.RequestAddress", "{" + poolId + ",\"Address\":\"\","
                + "\"Options\":{\"RequestAddressType\":\"com.docker.network.gateway\"}}"),
                "{\"Address\":\"10.231.0.1/24\",\"Data\":{}}");
        assertOk(client.post("/IpamDriver.RequestAddress", "{" + poolId + ",\"Address\":\"\",\"Options\":null}"),
                "{\"Address\":\"10.231.0.2/24\",\"Data\":{}}");
        assertErr(client.post("/IpamDriver.RequestAddress",
                "{\"PoolID\":\"MdnpLocal/10.77.1.0/24\",\"Address\":\"\",\"Options\":null}"),
                400, "unknown pool MdnpLocal/10.77.1.0/24");
        for (int i = 0; i < 2; i++) {
            assertOk(client.post("/IpamDriver.ReleaseAddress", "{" + poolId + ",\"Address\":\"10.231.0.2\"}"), OK);
            assertOk(client.post("/IpamDriver.ReleasePool", "{" + poolId + "}"), OK);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /NetworkDriver.CreateNetwork | {not json                         | 400 | malformed JSON
            /NetworkDriver.CreateNetwork | {"NetworkID": 42}                 | 400 | NetworkID
            /NetworkDriver.CreateNetwork | {"NetworkID": "ab", "Options": 5} | 400 | Options
            /NetworkDriver.CreateNetwork | ''                                | 400 | NetworkID is required
            /NetworkDriver.CreateNetwork | [1, 2]                            | 400 | JSON object
            /NetworkDriver.CreateNetwork | {"NetworkID": "ab"} {}            | 400 | malformed JSON
            /NetworkDriver.CreateNetwork | {"NetworkID": "a/b", "IPv4Data": [{"AddressSpace": "", "Pool": "10.1.0.0/16"}]} | 400 | NetworkID must be
            /IpamDriver.RequestPool      | {"V6": "yes"}                     | 400 | V6
            /NetworkDriver.Join          | {"NetworkID": "ab", "EndpointID": "cd"} | 400 | not known
            /NetworkDriver.Nope          | {}                                | 404 | unknown plugin method /NetworkDriver.Nope
            """)
    void badRequestsGetTheirStatusAndAnErrAndChangeNothing(String path, String body, int status, String message)
            throws IOException {
        assertErr(client.post(path, body), status, message);

        assertThat(state.networks()).isEmpty();
        assertThat(client.post("/NetworkDriver.GetCapabilities", "").status()).as("connection still usable")
                .isEqualTo(200);
    }

    @Test
    void aCallThatNeedsArgumentsButCameWithoutABodySaysDockerMayHaveLostItInARetry() throws IOException {
        // Docker resends a call cut off by a plugin restart with an empty body (moby/moby#39331).
        assertErr(client.post("/NetworkDriver.DeleteNetwork", ""), 400, "NetworkID is required (the request body was"
                + " empty: Docker resends a call that a plugin restart cut off without its body, moby/moby#39331");
        assertErr(client.post("/NetworkDriver.DeleteNetwork", "{}"), 400, "NetworkID is required\"}");
    }

    @Test
    void aRequestPoolWithoutItsBodySaysDockerMayHaveLostItInARetryThoughItsRecordDecodesFromNothing()
            throws IOException {
        // Seen in ChaosE2eTest: the resent RequestPool decoded to an empty address space and was refused as unknown.
        assertErr(client.post("/IpamDriver.RequestPool", ""), 400, "the call needs arguments, got none (the request"
                + " body was empty: Docker resends a call that a plugin restart cut off without its body,"
                + " moby/moby#39331");
        assertErr(client.post("/IpamDriver.RequestPool", "{}"), 400, "the call needs arguments, got none\"}");
    }

    /**
     * Docker asks for it after the join; an error would fail the docker run or network connect with the endpoint
     * joined (found by ChaosE2eTest: "endpoint already exists" at the next connect).
     */
    @Test
    void endpointOperInfoWithoutItsBodyGetsTheAnswerOfAnUnknownEndpointButAnEmptyObjectIsRefused() throws IOException {
        assertOk(client.post("/NetworkDriver.EndpointOperInfo", ""), "{\"Value\":{}}");
        assertErr(client.post("/NetworkDriver.EndpointOperInfo", "{}"), 400, "NetworkID is required\"}");
    }

    @Test
    void unknownFieldsAreIgnored() throws IOException {
        assertOk(client.post("/NetworkDriver.DeleteNetwork", "{\"NetworkID\":\"" + NET + "\",\"Future\":[1]}"), OK);
    }

    @Test
    void otherHttpMethodsAreRefused() throws IOException {
        Reply reply = client.exchange("GET /Plugin.Activate HTTP/1.1\r\nHost: x\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));

        assertErr(reply, 405, "take POST");
    }

    @Test
    void anAnnouncedOversizedBodyIsRefusedUnreadAndTheConnectionClosed() throws IOException {
        Reply reply = client.exchange(("POST /NetworkDriver.CreateNetwork HTTP/1.1\r\nHost:\r\n"
                + "Content-Length: 1048577\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

        assertErr(reply, 413, "too large");
        assertThat(client.isClosedByPeer()).isTrue();
    }

    @Test
    void aChunkedBodyIsRefusedOnceItPassesTheLimit() throws IOException {
        client.send("POST /NetworkDriver.CreateNetwork HTTP/1.1\r\nHost:\r\nTransfer-Encoding: chunked\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 17; i++) {
            client.send(chunk);
        }

        assertErr(client.readReply(), 413, "too large");
        assertThat(state.networks()).isEmpty();
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() throws IOException {
        String padding = " ".repeat((int) PluginApi.MAX_BODY_BYTES - 40);
        assertOk(client.post("/NetworkDriver.FreeNetwork", "{\"NetworkID\":\"abc\"}" + padding), OK);
    }

    @Test
    void everyCallIsLoggedOnOneLineWithMethodStatusDurationAndShortIds() throws IOException {
        Logger logger = (Logger) LoggerFactory.getLogger(RecordingHandler.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            client.post("/NetworkDriver.CreateNetwork", CREATE_NETWORK);
            client.post("/NetworkDriver.Join", IDS);
            // The line is written when the exchange completes, which may be just after the client has the reply.
            await().until(() -> appender.list.size() >= 2);
        } finally {
            logger.detachAppender(appender);
        }
        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).satisfiesExactly(
                line -> assertThat(line).matches(
                        "call NetworkDriver\\.CreateNetwork status=200 took=\\d+\\.\\d\\dms net=8f6511a52af0"),
                line -> assertThat(line).matches("call NetworkDriver\\.Join status=400 took=\\d+\\.\\d\\dms"
                        + " net=8f6511a52af0 ep=e0b0a8e2947b err=\"endpoint e0b0a8e2947b is not known .*\""));
    }

    /**
     * A fault of mdnp's is one ERROR line, written where the call's error is mapped: it names the call, the operation
     * and the network, and carries the stack of what failed below (the kernel's, the store's). The call's INFO line
     * comes besides, as for every call.
     */
    @Test
    void aFailureOfOursIsLoggedOnceWithWhatFailedAndTheStackOfItsCause() throws IOException {
        Logger logger = (Logger) LoggerFactory.getLogger("dev.mdnp.daemon");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            kernel.fail("createNetwork");
            assertThat(client.post("/NetworkDriver.CreateNetwork", CREATE_NETWORK).status()).isEqualTo(500);
            kernel.fail("");
            journal.fail();
            assertThat(client.post("/NetworkDriver.CreateNetwork", CREATE_NETWORK).status()).isEqualTo(500);
            await().until(() -> appender.list.stream().filter(e -> e.getLevel() == Level.INFO).count() >= 2);
        } finally {
            logger.detachAppender(appender);
        }
        assertThat(appender.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN)).satisfiesExactly(
                kernelFailure -> {
                    assertThat(kernelFailure.getFormattedMessage()).startsWith("call /NetworkDriver.CreateNetwork"
                            + " failed: create network 8f6511a52af0: createNetwork mdnpb8f6511a52a");
                    assertThat(kernelFailure.getThrowableProxy().getClassName())
                            .isEqualTo(DriverException.class.getName());
                    assertThat(kernelFailure.getThrowableProxy().getCause().getClassName())
                            .isEqualTo(DataplaneException.class.getName());
                },
                journalFailure -> {
                    assertThat(journalFailure.getFormattedMessage()).isEqualTo("call /NetworkDriver.CreateNetwork"
                            + " failed: create network 8f6511a52af0: could not record it: could not record the"
                            + " network: disk I/O error");
                    assertThat(journalFailure.getThrowableProxy().getCause().getClassName())
                            .isEqualTo(IllegalStateException.class.getName());
                });
    }

    @Test
    void concurrentCallsFromManyConnectionsAllSucceed() throws Exception {
        assertOk(client.post("/NetworkDriver.CreateNetwork", CREATE_NETWORK), OK);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String endpoint = String.format("%010x", i) + "a".repeat(54);
                results.add(pool.submit(() -> {
                    try (UnixHttpClient own = UnixHttpClient.connect(server.socketPath())) {
                        return own.post("/NetworkDriver.CreateEndpoint", CREATE_ENDPOINT.replace(EP, endpoint))
                                .status();
                    }
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(state.endpoints()).hasSize(64);
    }

    private static void assertOk(Reply reply, String body) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(body);
    }

    private static void assertErr(Reply reply, int status, String message) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.body()).startsWith("{\"Err\":\"").contains(message);
    }
}
