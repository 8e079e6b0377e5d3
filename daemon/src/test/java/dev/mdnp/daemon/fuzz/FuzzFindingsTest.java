package dev.mdnp.daemon.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.daemon.api.CallRecorder;
import dev.mdnp.daemon.api.PluginApi;
import dev.mdnp.daemon.driver.DriverJournal;
import dev.mdnp.daemon.driver.DriverState;
import dev.mdnp.daemon.driver.NetworkDriver;
import dev.mdnp.daemon.inspect.RequestHistory;
import dev.mdnp.daemon.ipam.IpamDriver;
import dev.mdnp.daemon.persistence.DurableState;
import dev.mdnp.daemon.testsupport.RecordingDataplane;
import dev.mdnp.daemon.testsupport.UnixHttpClient;
import dev.mdnp.daemon.testsupport.UnixHttpClient.Reply;
import dev.mdnp.daemon.transport.PeerPolicy;
import dev.mdnp.daemon.transport.UnixSocketServer;
import dev.mdnp.daemon.transport.UnixSocketServerConfig;
import dev.mdnp.model.inspect.RequestRecord;
import dev.mdnp.model.json.JsonMappers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@link PluginApiFuzzKernelTest} found, each pinned by a plain test: the plugin API over the real socket
 * server, the real driver and IPAM, and a dataplane that records its calls.
 */
class FuzzFindingsTest {

    private static final String N1 = Baseline.N1;
    private static final String E1 = Baseline.E1;
    /** Not N1, but the same first 10 characters, which are all a bridge name holds. */
    private static final String N1_TWIN = N1.substring(0, 10) + "0".repeat(54);
    /** Not E1, but the same first 10 characters, which are all a veth name holds. */
    private static final String E1_TWIN = E1.substring(0, 10) + "0".repeat(54);
    /** Nearly 1 MiB: with the rest of a body, just under the body limit. */
    private static final String MIB_OF_X = "x".repeat((1 << 20) - 200);

    private final ObjectMapper json = JsonMappers.create();
    private final RecordingDataplane dataplane = new RecordingDataplane();
    private final RequestHistory history = new RequestHistory(100);
    private Path dir;
    private UnixSocketServer server;
    private UnixHttpClient client;

    @BeforeEach
    void start() throws IOException {
        dir = Files.createTempDirectory(Path.of("/tmp"), "mdnp-findings");
        NetworkDriver driver = new NetworkDriver(new DriverState(), dataplane, DriverJournal.NONE);
        PluginApi api = new PluginApi(driver, new IpamDriver(), JsonMappers.create(),
                new CallRecorder(history, Clock.systemUTC()));
        server = UnixSocketServer.start(new UnixSocketServerConfig(dir.resolve("p.sock"),
                PosixFilePermissions.fromString("rw-------"), 64, 1, 4, PeerPolicy.anyone(), Duration.ofSeconds(2)),
                api.handler());
        client = UnixHttpClient.connect(server.socketPath());
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /NetworkDriver.CreateNetwork | {"NetworkID": "a/b", "IPv4Data": [{"Pool": "10.1.0.0/16"}]} | NetworkID must be
            /NetworkDriver.CreateNetwork | {"NetworkID": "ab", "IPv4Data": [{"Pool": "10.1.0.0/33"}]}  | invalid IPv4Data Pool
            /NetworkDriver.CreateNetwork | {"NetworkID": "ab", "IPv4Data": [{"Pool": "10.88.0.0/16", "Gateway": "10.88.0.254/16"}], "IPv6Data": [{"Pool": "fd88::/64", "Gateway": "10.88.0.254/16"}]} | invalid IPv6Data Gateway 10.88.0.254/16: not an IPv6 prefix
            /NetworkDriver.CreateNetwork | {"NetworkID": "ab", "IPv4Data": [{"Pool": "10.88.0.0/16", "Gateway": "10.88.0.254/16"}, {"Pool": "10.89.0.0/16", "Gateway": "10.88.0.254/16"}]} | the gateway of another pool
            /NetworkDriver.Join          | {"NetworkID": "ab", "EndpointID": "cd"}                     | not known
            /NetworkDriver.ProgramExternalConnectivity | {"NetworkID": "ab", "EndpointID": "cd", "Options": {"com.docker.network.portmap": [7]}} | must be an object
            /IpamDriver.RequestPool      | {"AddressSpace": "CnmLocal", "Pool": ""}                    | unknown address space
            /IpamDriver.RequestAddress   | {"PoolID": "MdnpLocal/10.77.1.0/24", "Address": ""}         | unknown pool
            /IpamDriver.ReleaseAddress   | {"PoolID": "MdnpLocal/10.77.1.0/24", "Address": ""}         | no address given
            """)
    void aFailureTheCallerCausedIsA400NotA500(String path, String body, String message) throws IOException {
        Reply reply = client.post(path, body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.body()).contains(message);
    }

    @Test
    void anErrQuotingANearly1MiBValueIsCutTo2048Characters() throws IOException {
        Reply ipam = client.post("/IpamDriver.RequestPool", "{\"AddressSpace\": \"" + MIB_OF_X + "\"}");
        Reply decoding = client.post("/NetworkDriver.CreateNetwork", "{\"NetworkID\": \"ab\", \"Options\": \""
                + MIB_OF_X + "\"}");

        for (Reply reply : new Reply[] {ipam, decoding}) {
            String err = json.readTree(reply.bodyBytes()).path("Err").asText();
            assertThat(err).hasSize(2048).startsWith(ipam == reply ? "unknown address space \"xxx" : "wrong type")
                    .endsWith("x…");
        }
    }

    @Test
    void theRequestHistoryKeepsAtMost256CharactersOfAnId() throws IOException {
        String half = MIB_OF_X.substring(0, MIB_OF_X.length() / 2);
        client.post("/NetworkDriver.Leave", "{\"NetworkID\": \"" + half + "\", \"EndpointID\": \"" + half + "\"}");
        client.post("/IpamDriver.ReleasePool", "{\"PoolID\": \"" + MIB_OF_X + "\"}");

        await().until(() -> history.lastSeq() == 2);
        RequestRecord leave = history.latest(2).get(0);
        assertThat(leave.networkId()).hasSize(256).endsWith("x…");
        assertThat(leave.endpointId()).hasSize(256);
        assertThat(leave.error()).hasSizeLessThanOrEqualTo(2048);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a UTF-8 sequence above U+10FFFF in an option's name | {"BADk": "v"} | f4908080
            an escaped lone surrogate in an option's value       | {"k": "BAD"}  | 5c7564383030
            """)
    void aBodyThatIsNotValidUnicodeIsA400AndNeverReachesTheStore(String what, String generic, String hexBytes)
            throws Exception {
        byte[] bad = java.util.HexFormat.of().parseHex(hexBytes);
        Path stateDir = dir.resolve("state");
        Reply reply;
        try (DurableState durable = DurableState.open(stateDir, json, Clock.systemUTC(), nanos -> { })) {
            NetworkDriver driver = new NetworkDriver(durable.restored().driverState(), dataplane,
                    durable.driverJournal());
            PluginApi api = new PluginApi(driver, new IpamDriver(), json);
            try (UnixSocketServer stored = UnixSocketServer.start(new UnixSocketServerConfig(dir.resolve("s.sock"),
                    PosixFilePermissions.fromString("rw-------"), 64, 1, 4, PeerPolicy.anyone(),
                    Duration.ofSeconds(2)), api.handler());
                    UnixHttpClient storing = UnixHttpClient.connect(stored.socketPath())) {
                String[] around = ("{\"NetworkID\": \"" + N1 + "\", \"Options\": {\"com.docker.network.generic\": "
                        + generic + "}, \"IPv4Data\": [{\"Pool\": \"10.88.0.0/16\"}]}").split("BAD");
                java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
                body.writeBytes(around[0].getBytes(StandardCharsets.UTF_8));
                body.writeBytes(bad);
                body.writeBytes(around[1].getBytes(StandardCharsets.UTF_8));
                reply = storing.exchange(UnixHttpClient.request("POST", "/NetworkDriver.CreateNetwork",
                        body.toByteArray()));
            }
        }

        assertThat(reply.status()).as(what + ": " + reply.body()).isEqualTo(400);
        assertThat(reply.body()).contains("not valid Unicode");
        try (DurableState reopened = DurableState.open(stateDir, json, Clock.systemUTC(), nanos -> { })) {
            assertThat(reopened.restored().driverState().networks()).as("a restart reads the store").isEmpty();
        }
    }

    @Test
    void deletingAnUnknownNetworkLeavesTheBridgeOfAKnownOneWithTheSameIdPrefixAlone() throws IOException {
        assertThat(client.post("/NetworkDriver.CreateNetwork", Seeds.golden("cnm/CreateNetwork.request.ipv6,aux.json"))
                .status()).isEqualTo(200);

        Reply reply = client.post("/NetworkDriver.DeleteNetwork", "{\"NetworkID\": \"" + N1_TWIN + "\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(dataplane.calls()).noneMatch(call -> call.startsWith("deleteNetwork"));
    }

    @Test
    void deletingAnUnknownEndpointLeavesTheVethOfAKnownOneWithTheSameIdPrefixAlone() throws IOException {
        client.post("/NetworkDriver.CreateNetwork", Seeds.golden("cnm/CreateNetwork.request.ipv6,aux.json"));
        assertThat(client.post("/NetworkDriver.CreateEndpoint", Seeds.golden("cnm/CreateEndpoint.request.json"))
                .status()).isEqualTo(200);

        Reply reply = client.post("/NetworkDriver.DeleteEndpoint", "{\"NetworkID\": \"" + N1 + "\", \"EndpointID\": \""
                + E1_TWIN + "\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(dataplane.calls()).noneMatch(call -> call.startsWith("deleteEndpoint"));
    }
}
