package dev.mdnp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.daemon.crash.NamedNetns;
import dev.mdnp.daemon.testsupport.CommandRun;
import dev.mdnp.daemon.testsupport.DaemonProcess;
import dev.mdnp.daemon.testsupport.Privilege;
import dev.mdnp.daemon.testsupport.UnixHttpClient;
import dev.mdnp.model.client.InspectClient;
import dev.mdnp.model.cnm.OptionKeys;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.FirewallRulesView;
import dev.mdnp.model.inspect.PortView;
import dev.mdnp.model.json.JsonMappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * The real daemon, in a named namespace of its own with its own iptables tables, publishes ports and shows them on
 * {@code /v1/endpoints} and in {@code mdnp endpoints}; when someone flushes one of its chains, {@code /v1/firewall}
 * and {@code mdnp doctor} name the network that lacks rules. The background repair is held off by a long
 * {@code --reconcile-interval}, so the flushed rules stay missing while the test looks.
 */
@Tag("kernel")
@Timeout(120)
class PortsAndFirewallInspectKernelTest {

    private static final String NET = "5e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f";
    private static final String BRIDGE = "mdnpb5e1f0a9b8c";
    private static final String EP = "7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b";

    private final ObjectMapper json = JsonMappers.create();
    private NamedNetns netns;
    private Path workDir;
    private DaemonProcess daemon;

    @BeforeEach
    void startDaemon() throws Exception {
        Privilege.require(Privilege.isRoot(), "this test needs root: it creates a network namespace");
        netns = NamedNetns.create(String.format("mdnpt-insp-%08x", new Random().nextInt()));
        netns.ip("link", "set", "lo", "up"); // 127.0.0.1 exists only on a loopback that is up
        workDir = Files.createTempDirectory("mdnpt-insp-");
        Path pluginDir = Files.createDirectories(workDir.resolve("plugins"));
        daemon = DaemonProcess.start(new DaemonProcess.Launch("mdnptinsp", pluginDir, workDir, netns.wrapper(),
                List.of("--docker-host", "unix://" + workDir.resolve("no-docker.sock"),
                        "--reconcile-interval", "60m")));
    }

    @AfterEach
    void stopDaemon() throws Exception {
        try {
            if (daemon != null) {
                daemon.close();
            }
        } finally {
            if (netns != null) {
                netns.close(); // the namespace's tables, links and held ports go with it
            }
            if (workDir != null) {
                try (Stream<Path> paths = Files.walk(workDir)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                }
            }
        }
    }

    @Test
    void publishedPortsAndFlushedRulesAreShownAsTheDaemonSeesThem() throws Exception {
        try (UnixHttpClient plugin = UnixHttpClient.connect(daemon.socket())) {
            call(plugin, "/NetworkDriver.CreateNetwork", Map.of("NetworkID", NET,
                    "Options", Map.of(OptionKeys.GENERIC, Map.of()),
                    "IPv4Data", List.of(Map.of("AddressSpace", "LocalDefault", "Pool", "10.123.0.0/24",
                            "Gateway", "10.123.0.1/24")),
                    "IPv6Data", List.of()));
            call(plugin, "/NetworkDriver.CreateEndpoint", Map.of("NetworkID", NET, "EndpointID", EP,
                    "Interface", Map.of("Address", "10.123.0.2/24", "AddressIPv6", "", "MacAddress", ""),
                    "Options", Map.of()));
            call(plugin, "/NetworkDriver.Join", Map.of("NetworkID", NET, "EndpointID", EP,
                    "SandboxKey", "/var/run/docker/netns/" + EP.substring(0, 12), "Options", Map.of()));
            call(plugin, "/NetworkDriver.ProgramExternalConnectivity", Map.of("NetworkID", NET, "EndpointID", EP,
                    "Options", Map.of(OptionKeys.PORT_MAP, List.of(
                            Map.of("Proto", 6, "IP", "", "Port", 80, "HostIP", "127.0.0.1", "HostPort", 18081,
                                    "HostPortEnd", 18081),
                            Map.of("Proto", 17, "IP", "", "Port", 53, "HostIP", "", "HostPort", 0,
                                    "HostPortEnd", 0)))));
        }
        Path inspectSocket = daemon.launch().inspectSocket();

        try (InspectClient client = InspectClient.connect(inspectSocket, Duration.ofSeconds(10))) {
            EndpointView endpoint = client.endpoints().get(0);
            assertThat(endpoint.ports()).hasSize(2);
            assertThat(endpoint.ports().get(0)).isEqualTo(new PortView("tcp", "127.0.0.1", 18081, "10.123.0.2", 80,
                    false));
            assertThat(endpoint.ports().get(1)).satisfies(chosen -> {
                assertThat(chosen.protocol()).isEqualTo("udp");
                assertThat(chosen.hostIp()).isEqualTo("0.0.0.0");
                assertThat(chosen.hostPort()).as("a free port mdnp chose").isPositive();
                assertThat(chosen.containerPort()).isEqualTo(53);
            });
            assertThat(client.firewall()).as("every rule in place").allSatisfy(owner ->
                    assertThat(owner.missingRules()).isEmpty());

            netns.exec("iptables", "-t", "nat", "-F", "MDNP-POSTROUTING");

            List<FirewallRulesView> firewall = client.firewall();
            assertThat(firewall.get(0).base()).isTrue();
            assertThat(firewall.get(0).missingRules()).as("the chain and the jump into it are still there").isEmpty();
            assertThat(firewall.get(1).networkId()).isEqualTo(NET);
            assertThat(firewall.get(1).bridge()).isEqualTo(BRIDGE);
            assertThat(firewall.get(1).missingRules()).isNotEmpty()
                    .allSatisfy(rule -> assertThat(rule).startsWith("iptables -t nat -A MDNP-POSTROUTING "));
            assertThat(firewall).hasSize(2);
        }

        CommandRun endpoints = CommandRun.of(mdnp(), "endpoints", "--inspect-socket", inspectSocket.toString());
        assertThat(endpoints.out().lines().toList().get(0)).endsWith("JOINED   PORTS");
        assertThat(endpoints.out().lines().toList().get(1)).contains("127.0.0.1:18081->80/tcp, 0.0.0.0:");

        CommandRun doctor = CommandRun.of(mdnp(), "doctor", "--inspect-socket", inspectSocket.toString(),
                "--name", "mdnptinsp", "--plugin-dir", daemon.socket().getParent().toString(),
                "--docker-host", "unix://" + workDir.resolve("no-docker.sock"));
        assertThat(doctor.exitCode()).isEqualTo(1);
        assertThat(doctor.out()).contains("✗ network 5e1f0a9b8c7d (bridge " + BRIDGE + ") lacks ",
                " firewall rule", "iptables -t nat -A MDNP-POSTROUTING ",
                "    mdnp puts them back within its --reconcile-interval");
    }

    private void call(UnixHttpClient plugin, String path, Map<String, Object> body) throws IOException {
        UnixHttpClient.Reply reply = plugin.post(path, json.writeValueAsString(body));
        assertThat(reply.status()).as("%s: %s", path, reply.body()).isEqualTo(200);
    }

    /** The mdnp command line with every subcommand, as {@code mdnp} builds it. */
    private static CommandLine mdnp() {
        return Main.commandLine(Map.of(), Path.of("/nonexistent/mdnp.conf"));
    }
}
