package dev.mdnp.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.mdnp.daemon.testsupport.DockerCli;
import dev.mdnp.daemon.testsupport.E2eEnvironment;
import dev.mdnp.daemon.testsupport.E2ePlugin;
import dev.mdnp.daemon.testsupport.HostLinks;
import dev.mdnp.daemon.testsupport.MdnpAudit;
import dev.mdnp.daemon.testsupport.UnixHttpClient;
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
 * restarts the private engine every e2e test uses: each test leaves it answering, with its default flags, also when
 * it fails. After each fault {@link MdnpAudit} finds Docker, mdnp and the kernel in agreement (no leaked address,
 * pool, link or rule), and at the end nothing is left (issue 14, "dockerd faults").
 */
@Tag("e2e")
@Tag("reliability")
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
    /** Docker and mdnp agree again once the orphans are collected: as {@link #ORPHANS_COLLECTED}. */
    private static final Duration CONSISTENT = ORPHANS_COLLECTED;
    /** Two scans and then some: what mdnp must not collect is still there after this long. */
    private static final Duration SEVERAL_SCANS = Duration.ofSeconds(7);
    private static final List<String> LIVE_RESTORE = List.of("--live-restore");

    @RegisterExtension
    final E2ePlugin plugin = E2ePlugin.withServeArgs("--reconcile-interval", "2s");

    private final MdnpAudit audit = new MdnpAudit(plugin);

    @AfterEach
    void leaveTheEngineAnsweringWithItsDefaultFlags() throws Exception {
        E2eEnvironment.ensureDockerdAnswers();
        plugin.removeAll(); // before a restart without --live-restore, which would kill what live-restore kept
        E2eEnvironment.ensureDefaultDockerd();
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
        audit.awaitConsistent(CONSISTENT);

        removeContainersThenNetwork(network, c1, c2);
        awaitNoLinksOf(networkId, c1Endpoint, c2Endpoint);
        audit.awaitNothingLeft(CONSISTENT);
    }

    @Test
    void afterDockerRestartsGracefullyTheRestartedContainerIsReachableAndTheNetworkCanBeRemoved() throws Exception {
        String network = networkWithMdnpIpam("10.231.41.0/24");
        String c1 = plugin.container(network, with(QUICK_STOP, "--restart=always"));
        String stopped = plugin.container(network, QUICK_STOP);
        String c1EndpointBefore = endpointId(c1, network);
        String networkId = networkId(network);

        E2eEnvironment.restartDockerd();

        String c1Address = awaitRunningWithAddress(c1, network);
        String c1EndpointAfter = endpointId(c1, network);
        String c2 = plugin.container(network);
        String c2Endpoint = endpointId(c2, network);
        assertPings(c2, c1Address);
        // A container without a restart policy gets its network back when it is started again.
        docker().ok("start", stopped);
        assertPings(stopped, c1Address);
        assertPings(c2, awaitRunningWithAddress(stopped, network));
        audit.awaitConsistent(CONSISTENT);
        audit.awaitReachable(CONSISTENT);

        String stoppedEndpoint = endpointId(stopped, network);
        removeContainersThenNetwork(network, c1, c2, stopped);
        awaitNoLinksOf(networkId, c1EndpointBefore, c1EndpointAfter, c2Endpoint, stoppedEndpoint);
        audit.awaitNothingLeft(CONSISTENT);
    }

    /**
     * With {@code --live-restore} Docker keeps its containers running across its own crash and restart, and keeps
     * their endpoints: they keep their network throughout, and mdnp, asking the restarted Docker, must find every
     * endpoint still there and collect nothing.
     */
    @Test
    void withLiveRestoreContainersKeepTheirNetworkWhileDockerIsKilledOrRestartedAndNothingIsCollected()
            throws Exception {
        E2eEnvironment.restartDockerdWith(LIVE_RESTORE);
        String network = networkWithMdnpIpam("10.231.44.0/24");
        String other = plugin.network("--subnet", "10.231.45.0/24");
        String c1 = plugin.container(network);
        String c2 = plugin.container(network);
        docker().ok("network", "connect", other, c2);
        String c2Address = ipv4(c2, network);
        List<String> endpoints = List.of(endpointId(c1, network), endpointId(c2, network), endpointId(c2, other));

        for (EngineCommand fault : List.<EngineCommand>of(E2eEnvironment::killDockerdWith,
                E2eEnvironment::restartDockerdWith)) {
            fault.run(LIVE_RESTORE);
            assertThat(docker().ok("info", "--format", "{{.LiveRestoreEnabled}}")).isEqualTo("true");
            assertThat(docker().ok("inspect", "--format", "{{.State.Running}}", c1, c2)).isEqualTo("true\ntrue");
            assertPings(c1, c2Address);
            // Two scans of the restarted Docker and more: every endpoint is still Docker's, nothing is collected.
            await().during(SEVERAL_SCANS).atMost(SEVERAL_SCANS.plus(CONSISTENT)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(audit.violations()).isEmpty());
            assertThat(plugin.daemon().log().lines()).as("nothing collected")
                    .noneMatch(line -> line.contains("orphan") && line.contains("collected"));
            assertThat(List.of(endpointId(c1, network), endpointId(c2, network), endpointId(c2, other)))
                    .isEqualTo(endpoints);
            audit.awaitReachable(CONSISTENT);
        }
        String c3 = plugin.container(network);
        assertPings(c3, c2Address);

        removeContainersThenNetwork(network, c1, c2, c3);
        docker().ok("network", "rm", other);
        plugin.removed(other);
        audit.awaitNothingLeft(CONSISTENT);
    }

    /**
     * Docker sends each IPAM release once and forgets it whatever the answer, and a restart of mdnp can cut off the
     * answer of an allocation (ChaosE2eTest lost a ReleasePool this way: Docker resent it without its body,
     * moby/moby#39331). Such allocations are made here directly on the plugin's socket, as Docker's lost calls leave
     * them: mdnp finds the pool no network has and the address no endpoint has, and frees both; the live network's
     * gateway and endpoints stay.
     */
    @Test
    void aPoolAndAnAddressThatDockerLostTrackOfAreCollected() throws Exception {
        String network = networkWithMdnpIpam("10.231.46.0/24");
        String c1 = plugin.container(network);
        String c2 = plugin.container(network);
        try (UnixHttpClient socket = UnixHttpClient.connect(plugin.daemon().socket())) {
            assertThat(socket.post("/IpamDriver.RequestPool", "{\"AddressSpace\":\"MdnpLocal\","
                    + "\"Pool\":\"10.231.47.0/24\",\"SubPool\":\"\",\"Options\":{},\"V6\":false}").status())
                    .isEqualTo(200);
            assertThat(socket.post("/IpamDriver.RequestAddress", "{\"PoolID\":\"MdnpLocal/10.231.46.0/24\","
                    + "\"Address\":\"10.231.46.77\",\"Options\":{}}").status()).isEqualTo(200);
        }
        assertThat(audit.violations()).as("the audit sees both leaks").hasSize(2);

        audit.awaitConsistent(CONSISTENT);
        assertThat(plugin.daemon().log()).contains("orphan pool collected pool=MdnpLocal/10.231.47.0/24")
                .contains("orphan address collected pool=MdnpLocal/10.231.46.0/24 address=10.231.46.77");
        assertPings(c1, ipv4(c2, network));
        String again = plugin.network("--ipam-driver", plugin.name(), "--subnet", "10.231.47.0/24");
        docker().ok("network", "rm", again);
        plugin.removed(again);
        removeContainersThenNetwork(network, c1, c2);
        audit.awaitNothingLeft(CONSISTENT);
    }

    /** {@code E2eEnvironment.killDockerdWith} or {@code restartDockerdWith}. */
    @FunctionalInterface
    private interface EngineCommand {
        void run(List<String> dockerdArgs) throws Exception;
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

        // The container without a restart policy gets its network back when it is started again.
        docker().ok("start", c2);
        assertPings(c3, awaitRunningWithAddress(c2, network));
        audit.awaitConsistent(CONSISTENT);
        audit.awaitReachable(CONSISTENT);

        String c1Endpoint = endpointId(c1, network);
        String c2Endpoint = endpointId(c2, network);
        removeContainersThenNetwork(network, c1, c2, c3);
        awaitNoLinksOf(networkId, lost.get(0), lost.get(1), c1Endpoint, c2Endpoint, c3Endpoint);
        audit.awaitNothingLeft(CONSISTENT);
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
