package dev.mdnp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.daemon.testsupport.DaemonProcess;
import dev.mdnp.daemon.testsupport.DockerCli;
import dev.mdnp.daemon.testsupport.E2eEnvironment;
import dev.mdnp.daemon.testsupport.UnixHttpClient;
import dev.mdnp.daemon.testsupport.UnixHttpClient.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon as a separate process, driven by a real Docker engine through the real docker CLI, and by raw requests
 * over its real socket. Each test runs its own daemon under a fresh plugin name, so Docker activates it anew.
 */
@Tag("e2e")
class PluginE2eTest {

    private static final Path PLUGIN_DIR = Path.of("/run/docker/plugins");
    private static final String EMPTY_JSON = "{}";

    @TempDir
    Path temp;

    private DockerCli docker;
    private DaemonProcess daemon;
    private String name;

    @BeforeEach
    void startDaemon() throws Exception {
        docker = new DockerCli(E2eEnvironment.requireDockerHost());
        name = "mdnpe2e" + randomHex(3);
        daemon = DaemonProcess.start(name, PLUGIN_DIR, temp.resolve("daemon.log"));
    }

    @AfterEach
    void stopDaemon() throws Exception {
        if (daemon != null) {
            daemon.close();
            assertThat(daemon.socket()).as("socket removed on SIGTERM").doesNotExist();
        }
    }

    @Test
    void networkCreateInspectAndRemoveFollowTheSpecSequence() throws Exception {
        String network = "mdnp-e2e-" + randomHex(3);
        docker.ok("network", "create", "-d", name, "--subnet", "10.231.7.0/24",
                "-o", "foo=bar", "-o", "com.docker.network.driver.mtu=1400", network);
        try {
            String inspected = docker.ok("network", "inspect", "--format",
                    "{{.Driver}} {{(index .IPAM.Config 0).Subnet}} {{index .Options \"foo\"}}", network);
            assertThat(inspected).isEqualTo(name + " 10.231.7.0/24 bar");
        } finally {
            docker.ok("network", "rm", network);
        }
        assertThat(docker.run("network", "inspect", network).exitCode()).isNotZero();
        assertThat(daemon.calls()).containsExactly(
                "Plugin.Activate",
                "NetworkDriver.GetCapabilities",
                "IpamDriver.GetCapabilities",
                "IpamDriver.GetDefaultAddressSpaces",
                "NetworkDriver.CreateNetwork",
                "NetworkDriver.DeleteNetwork");
    }

    @Test
    void invalidOptionFailsTheCreateWithAMessageTheUserCanActOn() throws Exception {
        DockerCli.Result result = docker.run("network", "create", "-d", name, "--subnet", "10.231.8.0/24",
                "-o", "com.docker.network.driver.mtu=huge", "mdnp-e2e-" + randomHex(3));
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("invalid option com.docker.network.driver.mtu", "\"huge\" is not a number");
        assertThat(daemon.calls()).endsWith("NetworkDriver.CreateNetwork");
    }

    @Test
    void badRequestsOverTheRealSocketGetTheirStatusAndErrAndTheDaemonKeepsServing() throws Exception {
        try (UnixHttpClient client = UnixHttpClient.connect(daemon.socket())) {
            assertErr(client.post("/NetworkDriver.CreateNetwork", "{not json"), 400, "malformed JSON");
            assertErr(client.post("/NetworkDriver.CreateNetwork", "{\"NetworkID\": 42}"), 400, "NetworkID");
            assertErr(client.post("/NetworkDriver.DeleteNetwork", "[1, 2]"), 400, "JSON object");
            assertErr(client.post("/NetworkDriver.NoSuchMethod", EMPTY_JSON), 404, "unknown plugin method");
            assertErr(client.post("/NetworkDriver.CreateEndpoint",
                    "{\"NetworkID\": \"" + hex64() + "\", \"EndpointID\": \"" + hex64() + "\"}"), 500, "not known");
            assertErr(client.post("/NetworkDriver.Join",
                    "{\"NetworkID\": \"" + hex64() + "\", \"EndpointID\": \"" + hex64() + "\"}"), 500, "not known");
            assertThat(client.post("/NetworkDriver.DeleteNetwork", "{\"NetworkID\": \"" + hex64() + "\"}"))
                    .extracting(Reply::status, Reply::body).containsExactly(200, EMPTY_JSON);
            assertThat(client.post("/NetworkDriver.GetCapabilities", "").body())
                    .isEqualTo("{\"Scope\":\"local\",\"ConnectivityScope\":\"local\"}");
        }
        try (UnixHttpClient client = UnixHttpClient.connect(daemon.socket())) {
            byte[] head = ("POST /NetworkDriver.CreateNetwork HTTP/1.1\r\nHost:\r\nContent-Length: "
                    + (2 * 1024 * 1024) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            assertErr(client.exchange(head), 413, "too large");
            assertThat(client.isClosedByPeer()).isTrue();
        }
        try (UnixHttpClient client = UnixHttpClient.connect(daemon.socket())) {
            assertThat(client.post("/Plugin.Activate", "").body())
                    .isEqualTo("{\"Implements\":[\"NetworkDriver\",\"IpamDriver\"]}");
        }
        assertThat(daemon.process().isAlive()).isTrue();
    }

    private static void assertErr(Reply reply, int status, String messagePart) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.body()).startsWith("{\"Err\":\"").contains(messagePart);
    }

    private static String hex64() {
        return randomHex(32);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
