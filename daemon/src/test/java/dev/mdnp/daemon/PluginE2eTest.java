package dev.mdnp.daemon;

import static dev.mdnp.daemon.testsupport.E2ePlugin.randomHex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.daemon.testsupport.DockerCli;
import dev.mdnp.daemon.testsupport.E2ePlugin;
import dev.mdnp.daemon.testsupport.UnixHttpClient;
import dev.mdnp.daemon.testsupport.UnixHttpClient.Reply;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The daemon as a separate process, driven by a real Docker engine through the real docker CLI, and by raw requests
 * over its real socket. Each test runs its own daemon under a fresh plugin name, so Docker activates it anew.
 */
@Tag("e2e")
class PluginE2eTest {

    private static final String EMPTY_JSON = "{}";

    @RegisterExtension
    final E2ePlugin plugin = new E2ePlugin();

    @Test
    void networkCreateInspectAndRemoveFollowTheSpecSequence() throws Exception {
        String network = "mdnp-e2e-" + randomHex(3);
        plugin.docker().ok("network", "create", "-d", plugin.name(), "--subnet", "10.231.7.0/24",
                "-o", "foo=bar", "-o", "com.docker.network.driver.mtu=1400", network);
        try {
            String inspected = plugin.docker().ok("network", "inspect", "--format",
                    "{{.Driver}} {{(index .IPAM.Config 0).Subnet}} {{index .Options \"foo\"}}", network);
            assertThat(inspected).isEqualTo(plugin.name() + " 10.231.7.0/24 bar");
        } finally {
            plugin.docker().ok("network", "rm", network);
        }
        assertThat(plugin.docker().run("network", "inspect", network).exitCode()).isNotZero();
        assertThat(plugin.daemon().calls()).containsExactly(
                "Plugin.Activate",
                "NetworkDriver.GetCapabilities",
                "IpamDriver.GetCapabilities",
                "IpamDriver.GetDefaultAddressSpaces",
                "NetworkDriver.CreateNetwork",
                "NetworkDriver.DeleteNetwork");
    }

    @Test
    void invalidOptionFailsTheCreateWithAMessageTheUserCanActOn() throws Exception {
        DockerCli.Result result = plugin.docker().run("network", "create", "-d", plugin.name(), "--subnet", "10.231.8.0/24",
                "-o", "com.docker.network.driver.mtu=huge", "mdnp-e2e-" + randomHex(3));
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("invalid option com.docker.network.driver.mtu", "\"huge\" is not a number");
        assertThat(plugin.daemon().calls()).endsWith("NetworkDriver.CreateNetwork");
    }

    @Test
    void badRequestsOverTheRealSocketGetTheirStatusAndErrAndTheDaemonKeepsServing() throws Exception {
        try (UnixHttpClient client = UnixHttpClient.connect(plugin.daemon().socket())) {
            assertErr(client.post("/NetworkDriver.CreateNetwork", "{not json"), 400, "malformed JSON");
            assertErr(client.post("/NetworkDriver.CreateNetwork", "{\"NetworkID\": 42}"), 400, "NetworkID");
            assertErr(client.post("/NetworkDriver.DeleteNetwork", "[1, 2]"), 400, "JSON object");
            assertErr(client.post("/NetworkDriver.NoSuchMethod", EMPTY_JSON), 404, "unknown plugin method");
            assertErr(client.post("/NetworkDriver.CreateEndpoint",
                    "{\"NetworkID\": \"" + hex64() + "\", \"EndpointID\": \"" + hex64() + "\"}"), 400, "not known");
            assertErr(client.post("/NetworkDriver.Join",
                    "{\"NetworkID\": \"" + hex64() + "\", \"EndpointID\": \"" + hex64() + "\"}"), 400, "not known");
            assertThat(client.post("/NetworkDriver.DeleteNetwork", "{\"NetworkID\": \"" + hex64() + "\"}"))
                    .extracting(Reply::status, Reply::body).containsExactly(200, EMPTY_JSON);
            assertThat(client.post("/NetworkDriver.GetCapabilities", "").body())
                    .isEqualTo("{\"Scope\":\"local\",\"ConnectivityScope\":\"local\"}");
        }
        try (UnixHttpClient client = UnixHttpClient.connect(plugin.daemon().socket())) {
            byte[] head = ("POST /NetworkDriver.CreateNetwork HTTP/1.1\r\nHost:\r\nContent-Length: "
                    + (2 * 1024 * 1024) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            assertErr(client.exchange(head), 413, "too large");
            assertThat(client.isClosedByPeer()).isTrue();
        }
        try (UnixHttpClient client = UnixHttpClient.connect(plugin.daemon().socket())) {
            assertThat(client.post("/Plugin.Activate", "").body())
                    .isEqualTo("{\"Implements\":[\"NetworkDriver\",\"IpamDriver\"]}");
        }
        assertThat(plugin.daemon().process().isAlive()).isTrue();
    }

    private static void assertErr(Reply reply, int status, String messagePart) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.body()).startsWith("{\"Err\":\"").contains(messagePart);
    }

    private static String hex64() {
        return randomHex(32);
    }
}
