package dev.mdnp.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.mdnp.daemon.testsupport.DockerCli;
import dev.mdnp.daemon.testsupport.E2eEnvironment;
import dev.mdnp.daemon.testsupport.E2ePlugin;
import dev.mdnp.daemon.testsupport.HostLinks;
import dev.mdnp.model.client.InspectClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What Docker does to mdnp when mdnp or Docker itself goes down (cnm-remote-api.md §1.6, §5.9, §5.10, §7.1–7.2):
 * a restarted plugin gets no replay and must know its networks and endpoints from its state; a restarted Docker
 * brings back restart-policy containers through new endpoints; a killed Docker may forget the endpoints of the
 * containers it lost without telling mdnp, so mdnp must collect them itself by asking Docker. Restarting Docker
 * restarts the private engine every e2e test uses: each test leaves it answering, also when it fails.
 */
@Tag("e2e")
class RecoveryE2eTest {

    /** Bounded, so that a lost peer fails in seconds: a ping that never gets an answer ends after 3 × 2 s. */
    private static final String[] PING = {"ping", "-c", "3", "-W", "2"};
    /** Veths are deleted in the background, off Docker's critical path (see {@code DataplaneE2eTest}). */
    private static final Duration LINKS_GONE = Duration.ofSeconds(20);
    /** A restart-policy container is started again while, or shortly after, dockerd starts answering. */
    private static final Duration CONTAINER_BACK = Duration.ofSeconds(60);
    /** Two scans 2 s apart find an orphan; the rest is slack for a machine under load. */
    private static final Duration ORPHANS_COLLECTED = Duration.ofSeconds(30);
    /** Stopping {@code sleep} as PID 1 takes the whole stop timeout (10 s by default): it ignores SIGTERM. */
    private static final String[] QUICK_STOP = {"--stop-timeout", "2"};

    @RegisterExtension
    final E2ePlugin plugin = E2ePlugin.withServeArgs("--reconcile-interval", "2s");

    @AfterEach
    void leaveTheEngineAnswering() throws Exception {
        E2eEnvironment.ensureDockerdAnswers();
    }

    @Test
    void afterThePluginIsKilledAndStartedAgainANewContainerReachesTheOldOneAndTheNetworkCanBeRemoved()
            throws Exception {
        String network = networkWithMdnpIpam("10.231.40.0/24");
        String c1 = plugin.container(network);
        String c1Endpoint = endpointId(c1, network);
        String networkId = networkId(network);
        Instant createdAt;
        try (InspectClient client = inspectClient()) {
            createdAt = createdAt(client, networkId);
        }

        plugin.killDaemon();
        plugin.restartDaemon();

        // The introspection channel still tells when the network was created, from the store, not the restart.
        try (InspectClient client = inspectClient()) {
            assertThat(createdAt(client, networkId)).isCloseTo(createdAt, within(1, ChronoUnit.SECONDS))
                    .isBefore(client.info().startedAt());
        }

        String c2 = plugin.container(network);
        String c2Endpoint = endpointId(c2, network);
        assertPings(c2, ipv4(c1, network));
        assertPings(c1, ipv4(c2, network));

        removeContainersThenNetwork(network, c1, c2);
        awaitNoLinksOf(networkId, c1Endpoint, c2Endpoint);
    }

    @Test
    void afterDockerRestartsGracefullyTheRestartedContainerIsReachableAndTheNetworkCanBeRemoved() throws Exception {
        String network = networkWithMdnpIpam("10.231.41.0/24");
        String c1 = plugin.container(network, with(QUICK_STOP, "--restart=always"));
        String c1EndpointBefore = endpointId(c1, network);
        String networkId = networkId(network);

        E2eEnvironment.restartDockerd();

        String c1Address = awaitRunningWithAddress(c1, network);
        String c1EndpointAfter = endpointId(c1, network);
        String c2 = plugin.container(network);
        String c2Endpoint = endpointId(c2, network);
        assertPings(c2, c1Address);

        removeContainersThenNetwork(network, c1, c2);
        awaitNoLinksOf(networkId, c1EndpointBefore, c1EndpointAfter, c2Endpoint);
    }

    /**
     * With Docker's built-in IPAM nothing makes Docker load mdnp while it cleans up after the crash, so it forgets the
     * endpoints of the containers it lost without a {@code Leave} or {@code DeleteEndpoint} (§5.9, §7.2): mdnp finds
     * them missing from Docker's networks and collects them.
     */
    @Test
    void afterDockerIsKilledTheNetworkStillWorksAndTheEndpointsDockerForgotAreCollectedAsOrphans() throws Exception {
        String network = plugin.network("--subnet", "10.231.42.0/24");
        afterDockerIsKilled(network, (endpoint, log) -> assertThat(log.lines())
                .as("an INFO line of mdnp collecting orphan endpoint %s", endpoint)
                .anyMatch(line -> line.contains("INFO") && line.contains("orphan")
                        && line.contains(shortId(endpoint))));
    }

    /**
     * With mdnp as IPAM driver too, Docker activates the plugin at start for the IPAM and so reaches the network
     * driver as well: it may delete the lost endpoints itself, or leave them to mdnp's orphan collector. Either way
     * none may remain.
     */
    @Test
    void afterDockerIsKilledWithMdnpAsIpamTheNetworkStillWorksAndNoEndpointOfTheLostContainersRemains()
            throws Exception {
        String network = networkWithMdnpIpam("10.231.43.0/24");
        afterDockerIsKilled(network, (endpoint, log) -> assertThat(log.lines())
                .as("Docker deleted endpoint %s, or mdnp collected it as an orphan", endpoint)
                .anyMatch(line -> line.contains(shortId(endpoint)) && (line.contains("orphan")
                        || line.contains("call NetworkDriver.DeleteEndpoint status=200"))));
    }

    /**
     * Kills dockerd with two containers running on {@code network}, one with a restart policy; then a new container
     * reaches the one Docker started again, the endpoints of both lost containers are gone from the kernel and
     * {@code gone} holds for each of them in the daemon log, and the network can be removed without leftovers.
     */
    private void afterDockerIsKilled(String network, BiConsumer<String, String> gone) throws Exception {
        String c1 = plugin.container(network, with(QUICK_STOP, "--restart=always"));
        String c2 = plugin.container(network, QUICK_STOP);
        List<String> lost = List.of(endpointId(c1, network), endpointId(c2, network));
        String networkId = networkId(network);
        assertThat(HostLinks.names()).as("the host veths of the running containers")
                .contains(hostVeth(lost.get(0)), hostVeth(lost.get(1)));

        E2eEnvironment.killDockerd();

        String c1Address = awaitRunningWithAddress(c1, network);
        String c3 = plugin.container(network);
        String c3Endpoint = endpointId(c3, network);
        assertPings(c3, c1Address);
        await().atMost(ORPHANS_COLLECTED).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Set<String> links = HostLinks.names();
            String log = plugin.daemon().log();
            for (String endpoint : lost) {
                assertThat(links).as("links of endpoint %s, which Docker lost with the killed engine", endpoint)
                        .doesNotContain(hostVeth(endpoint), containerVeth(endpoint));
                gone.accept(endpoint, log);
            }
        });

        String c1Endpoint = endpointId(c1, network);
        removeContainersThenNetwork(network, c1, c2, c3);
        awaitNoLinksOf(networkId, lost.get(0), lost.get(1), c1Endpoint, c3Endpoint);
    }

    private DockerCli docker() {
        return plugin.docker();
    }

    /** A network on mdnp with mdnp as its IPAM driver too. */
    private String networkWithMdnpIpam(String subnet) throws Exception {
        return plugin.network("--ipam-driver", plugin.name(), "--subnet", subnet);
    }

    private String networkId(String network) throws Exception {
        return docker().ok("network", "inspect", "--format", "{{.Id}}", network);
    }

    private String endpointId(String container, String network) throws Exception {
        String endpoint = docker().ok("inspect", "--format",
                "{{(index .NetworkSettings.Networks \"" + network + "\").EndpointID}}", container);
        assertThat(endpoint).as("endpoint of %s on %s", container, network).matches("[0-9a-f]{64}");
        return endpoint;
    }

    private String ipv4(String container, String network) throws Exception {
        return docker().ok("inspect", "--format",
                "{{(index .NetworkSettings.Networks \"" + network + "\").IPAddress}}", container);
    }

    /** Waits until Docker has started {@code container} again and given it an address on {@code network}. */
    private String awaitRunningWithAddress(String container, String network) throws Exception {
        await().atMost(CONTAINER_BACK).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(docker().ok("inspect", "--format", "{{.State.Running}}", container))
                    .as("%s running again", container).isEqualTo("true");
            assertThat(ipv4(container, network)).as("address of %s on %s", container, network).isNotEmpty();
        });
        return ipv4(container, network);
    }

    private static Instant createdAt(InspectClient client, String networkId) {
        return client.networks().stream().filter(n -> n.id().equals(networkId)).findFirst().orElseThrow()
                .createdAt();
    }

    private InspectClient inspectClient() {
        return InspectClient.connect(plugin.daemon().launch().inspectSocket(), Duration.ofSeconds(10));
    }

    private void assertPings(String from, String address) throws Exception {
        List<String> command = new ArrayList<>(List.of("exec", from));
        command.addAll(List.of(PING));
        command.add(address);
        DockerCli.Result result = docker().run(command.toArray(String[]::new));
        assertThat(result.exitCode()).as("%s pings %s:%n%s%n%s", from, address, result.out(), result.err()).isZero();
    }

    /** Removes the containers, then the network, which must succeed: mdnp still knows it and lets it go. */
    private void removeContainersThenNetwork(String network, String... containers) throws Exception {
        List<String> command = new ArrayList<>(List.of("rm", "-f"));
        command.addAll(List.of(containers));
        docker().ok(command.toArray(String[]::new));
        docker().ok("network", "rm", network);
        plugin.removed(network);
    }

    /** Waits until no link of the network (its bridge) or of the endpoints (both veth ends) is left on the host. */
    private static void awaitNoLinksOf(String networkId, String... endpointIds) {
        List<String> names = new ArrayList<>(List.of("mdnpb" + shortId(networkId)));
        for (String endpoint : endpointIds) {
            names.add(hostVeth(endpoint));
            names.add(containerVeth(endpoint));
        }
        await().atMost(LINKS_GONE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> assertThat(HostLinks.names())
                .as("links mdnp made for the removed network").doesNotContainAnyElementsOf(names));
    }

    /** The first 10 hex digits of an id, as mdnp's link names carry them (mdnpb/mdnph/mdnpc + 10). */
    private static String shortId(String id) {
        return id.substring(0, 10);
    }

    private static String hostVeth(String endpointId) {
        return "mdnph" + shortId(endpointId);
    }

    private static String containerVeth(String endpointId) {
        return "mdnpc" + shortId(endpointId);
    }

    private static String[] with(String[] options, String... more) {
        List<String> all = new ArrayList<>(List.of(options));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

}
