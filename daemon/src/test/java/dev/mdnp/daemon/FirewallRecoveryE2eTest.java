package dev.mdnp.daemon;

import static dev.mdnp.daemon.ParityLab.NO_ANSWER;
import static dev.mdnp.daemon.ParityLab.PORT;
import static dev.mdnp.daemon.ParityLab.answered;
import static dev.mdnp.daemon.ParityLab.hostTcp;
import static dev.mdnp.daemon.ParityLab.outsideTcp;
import static dev.mdnp.daemon.ParityLab.perKind;
import static dev.mdnp.daemon.testsupport.NetworkKind.BRIDGE;
import static dev.mdnp.daemon.testsupport.NetworkKind.MDNP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mdnp.daemon.ParityLab.Net;
import dev.mdnp.daemon.testsupport.DaemonProcess;
import dev.mdnp.daemon.testsupport.E2eEnvironment;
import dev.mdnp.daemon.testsupport.E2ePlugin;
import dev.mdnp.daemon.testsupport.HostCommand;
import dev.mdnp.daemon.testsupport.HostFirewall;
import dev.mdnp.daemon.testsupport.HostSnapshot;
import dev.mdnp.daemon.testsupport.NetworkKind;
import dev.mdnp.daemon.testsupport.OutsideHost;
import dev.mdnp.daemon.testsupport.ParityTable;
import dev.mdnp.model.client.InspectClient;
import dev.mdnp.daemon.testsupport.UnixHttpClient;
import dev.mdnp.model.inspect.FirewallRepairView;
import dev.mdnp.model.inspect.NetworkView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * mdnp's rules when someone else rebuilds the firewall: Docker restarting (it recreates its own chains and puts its
 * jumps first in FORWARD again, bridge-parity.md §7), side by side with a built-in bridge network; and mdnp's chains
 * flushed by hand, which Docker would not notice for its own but mdnp's background repair puts back within its
 * interval (2 s here). Restarting Docker restarts the private engine every e2e test uses: each test leaves it
 * answering, also when it fails.
 */
@Tag("e2e")
class FirewallRecoveryE2eTest {

    /** A restart-policy container is started again while, or shortly after, dockerd starts answering. */
    private static final Duration CONTAINER_BACK = Duration.ofSeconds(60);
    /** Ten repair intervals: slack for a loaded machine, still far below the default interval of 30 s. */
    private static final Duration REPAIRED = Duration.ofSeconds(20);
    /** Stopping {@code nc} or {@code sleep} as PID 1 takes the whole stop timeout: they ignore SIGTERM. */
    private static final String[] RESTARTED_QUICKLY = {"--restart=always", "--stop-timeout", "1"};

    @RegisterExtension
    static final OutsideHost OUTSIDE = new OutsideHost();

    @RegisterExtension
    final E2ePlugin plugin = E2ePlugin.withServeArgs("--reconcile-interval", "2s");

    private ParityLab lab;
    private ParityTable table;
    private HostSnapshot before;

    @BeforeEach
    void setUp(TestInfo test) throws Exception {
        before = HostSnapshot.take();
        lab = new ParityLab(plugin);
        table = new ParityTable(test.getDisplayName());
    }

    @AfterEach
    void leaveTheEngineAnsweringAndNothingBehind() throws Exception {
        E2eEnvironment.ensureDockerdAnswers();
        lab.assertNothingLeftSince(before);
    }

    @Test
    void afterDockerRestartsNetworksAreStillIsolatedAndPortsStillPublished() throws Exception {
        Map<NetworkKind, Integer> published = Map.of(MDNP, 18190, BRIDGE, 18191);
        Map<NetworkKind, String> server = perKind(kind -> lab.server(lab.network(kind, 30), "web",
                with(RESTARTED_QUICKLY, "-p", published.get(kind) + ":" + PORT)));
        Map<NetworkKind, String> sibling = perKind(kind -> lab.client(lab.network(kind, 31), RESTARTED_QUICKLY));
        table.row("before the restart: the outside host reaches the published port", answered("web"), kind ->
                outsideTcp(OUTSIDE, OutsideHost.HOST_SIDE, published.get(kind)));

        E2eEnvironment.restartDockerd();
        perKind(kind -> {
            awaitRunning(sibling.get(kind));
            awaitRunning(server.get(kind));
            lab.awaitServing(server.get(kind), "web");
            return kind;
        });

        table.row("after the restart: the outside host reaches the published port", answered("web"), kind ->
                outsideTcp(OUTSIDE, OutsideHost.HOST_SIDE, published.get(kind)));
        table.row("after the restart: the host reaches it at 127.0.0.1", answered("web"), kind ->
                hostTcp("127.0.0.1", published.get(kind)));
        table.row("after the restart: from another network of the same driver, to the server directly", NO_ANSWER,
                kind -> lab.tcp(sibling.get(kind), lab.address(server.get(kind)), PORT));
        table.row("after the restart: from a network of the other driver, to the server directly", NO_ANSWER,
                kind -> lab.tcp(sibling.get(kind.other()), lab.address(server.get(kind)), PORT));
        table.assertAsExpected();
    }

    /**
     * mdnp's own (Docker does not notice a foreign {@code iptables -F} of its chains): the filter chain all of mdnp's
     * accepts and isolation hang from and the nat chain of its DNAT rules, flushed, are back within the repair
     * interval, and with them isolation and the published port.
     */
    @Test
    void flushedChainsAreRestoredWithinTheReconcileInterval() throws Exception {
        int port = 18195;
        Net own = lab.network(MDNP, 32);
        String server = lab.server(own, "web", "-p", port + ":" + PORT);
        String sibling = lab.client(lab.network(MDNP, 33));
        String onBridge = lab.client(lab.network(BRIDGE, 32));
        String serverAddress = lab.address(server);
        Set<String> forward = Set.copyOf(rulesOf("MDNP-FORWARD"));
        Set<String> dnat = Set.copyOf(rulesOf("MDNP-DNAT"));
        assertThat(forward).as("MDNP-FORWARD before the flush").isNotEmpty();
        assertThat(dnat).as("MDNP-DNAT before the flush").anyMatch(rule -> rule.contains("--dport " + port + " "));

        HostFirewall.iptables("-F", "MDNP-FORWARD");
        HostFirewall.iptables("-t", "nat", "-F", "MDNP-DNAT");

        await("MDNP-FORWARD and MDNP-DNAT as they were").atMost(REPAIRED).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    assertThat(Set.copyOf(rulesOf("MDNP-FORWARD"))).as("MDNP-FORWARD").isEqualTo(forward);
                    assertThat(Set.copyOf(rulesOf("MDNP-DNAT"))).as("MDNP-DNAT").isEqualTo(dnat);
                });
        assertThat(plugin.daemon().log()).contains("firewall rules repaired");
        assertThat(outsideTcp(OUTSIDE, OutsideHost.HOST_SIDE, port)).as("the published port from outside")
                .isEqualTo(answered("web"));
        assertThat(lab.tcp(sibling, serverAddress, PORT)).as("from another mdnp network, directly")
                .isEqualTo(NO_ANSWER);
        assertThat(lab.tcp(onBridge, serverAddress, PORT)).as("from a bridge network, directly")
                .isEqualTo(NO_ANSWER);
    }

    /**
     * A firewall manager's reload (firewalld, a boot script): every table replaced from a dump without mdnp's chains,
     * rules and jumps, Docker's kept. Within the repair interval mdnp's rules are all back, isolation and the
     * published port with them, and the repair is shown as drift: {@code /v1/firewall/repairs}, the metrics, and a
     * warning of {@code mdnp doctor}.
     */
    @Test
    void aReloadWithoutMdnpsRulesIsRepairedAndShownAsDrift() throws Exception {
        int port = 18196;
        Net own = lab.network(MDNP, 34);
        String server = lab.server(own, "web", "-p", port + ":" + PORT);
        String sibling = lab.client(lab.network(MDNP, 35));
        String serverAddress = lab.address(server);
        Set<String> mdnps = Set.copyOf(mdnpRules());
        assertThat(mdnps).as("mdnp's rules before the reload").isNotEmpty();
        assertThat(repairs()).as("repairs before the reload").isEmpty();

        HostFirewall.reloadWithoutMdnp();

        await("mdnp's rules as they were").atMost(REPAIRED).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(Set.copyOf(mdnpRules())).isEqualTo(mdnps));
        assertThat(outsideTcp(OUTSIDE, OutsideHost.HOST_SIDE, port)).as("the published port from outside")
                .isEqualTo(answered("web"));
        assertThat(lab.tcp(sibling, serverAddress, PORT)).as("from another mdnp network, directly")
                .isEqualTo(NO_ANSWER);
        await("the repair shown").atMost(REPAIRED).untilAsserted(() -> assertThat(repairs()).isNotEmpty());
        List<FirewallRepairView> repairs = repairs();
        assertThat(repairs).anyMatch(FirewallRepairView::baseRepaired);
        List<String> bridges;
        try (InspectClient inspect = inspect()) {
            bridges = inspect.networks().stream().map(NetworkView::bridge).toList();
        }
        assertThat(repairs.stream().flatMap(repair -> repair.repairedBridges().stream()))
                .as("the networks repaired").containsAll(bridges).hasSizeGreaterThanOrEqualTo(2);
        try (UnixHttpClient metrics = UnixHttpClient.connect(plugin.daemon().launch().inspectSocket())) {
            assertThat(metrics.exchange(UnixHttpClient.request("GET", "/metrics", new byte[0])).body())
                    .containsPattern("mdnp_firewall_repairs_total [1-9]");
        }
        assertThat(plugin.daemon().log()).contains("firewall rules repaired");
        assertThat(doctor()).contains("! mdnp had to put its firewall rules back ");
    }

    private static List<String> mdnpRules() throws Exception {
        return HostFirewall.rules().stream().filter(rule -> rule.toLowerCase(Locale.ROOT).contains("mdnp")).toList();
    }

    private List<FirewallRepairView> repairs() {
        try (InspectClient inspect = inspect()) {
            return inspect.firewallRepairs();
        }
    }

    private InspectClient inspect() {
        return InspectClient.connect(plugin.daemon().launch().inspectSocket(), Duration.ofSeconds(10));
    }

    /** Runs {@code mdnp doctor} against the test's daemon and returns what it printed. */
    private String doctor() throws Exception {
        DaemonProcess.Launch launch = plugin.daemon().launch();
        return HostCommand.run(Duration.ofSeconds(60), List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                E2eEnvironment.daemonJar().toString(), "doctor", "--name", launch.name(),
                "--plugin-dir", launch.pluginDir().toString(), "--inspect-socket",
                launch.inspectSocket().toString())).out();
    }

    private static List<String> rulesOf(String chain) throws Exception {
        return HostFirewall.rules().stream().filter(rule -> rule.contains(" -A " + chain + " ")).toList();
    }

    private void awaitRunning(String container) {
        await(container + " running again").atMost(CONTAINER_BACK).pollInterval(Duration.ofMillis(500))
                .until(() -> "true".equals(plugin.docker().run("inspect", "--format", "{{.State.Running}}",
                        container).out()));
    }

    private static String[] with(String[] options, String... more) {
        List<String> all = new ArrayList<>(List.of(options));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
