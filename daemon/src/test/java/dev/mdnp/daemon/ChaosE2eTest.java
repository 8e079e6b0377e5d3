package dev.mdnp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.daemon.testsupport.DockerCli;
import dev.mdnp.daemon.testsupport.E2ePlugin;
import dev.mdnp.daemon.testsupport.EngineState;
import dev.mdnp.daemon.testsupport.MdnpAudit;
import dev.mdnp.daemon.testsupport.ReliabilityBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Docker churn on mdnp networks while the daemon is killed with SIGKILL at random moments (issue 14, "chaos with real
 * Docker"): a seeded loop of {@code docker run}, {@code rm}, {@code network connect}, {@code disconnect},
 * {@code network create} and {@code rm}, half of the networks with mdnp as IPAM driver too, all on a handful of /29
 * subnets that come back again and again, so that a leaked pool or address soon makes a create fail. In each round
 * the daemon is killed after a random delay, while the churn goes on, and started again after a random down time;
 * Docker's calls in between wait for it (a legacy plugin's calls are retried for up to 30 s).
 *
 * <p>After each restart, {@link MdnpAudit}: no duplicate address, no leaked or lost address or pool, no leaked or
 * missing link or rule, no drift; and every running container reaches its gateways and its peers. Every docker
 * command must succeed, except one the kill cut off: Docker sends a call whose connection broke again, but without
 * its body (moby/moby#39331), which mdnp refuses saying so. Docker then undoes most of the command: the test takes
 * the container's networks from Docker again (and removes it if it does not run), and runs a removal again, which
 * must then succeed. At the end everything is removed and nothing may be left.
 *
 * <p>CI kills the daemon {@value #CI_KILLS} times, a full run ({@code -Dmdnp.reliability=full}) {@value #FULL_KILLS}
 * times; {@code -Dmdnp.chaos.kills=N} sets it, {@code -Dmdnp.chaos.seed=S} repeats a run's choices (Docker's and the
 * kernel's timing still vary).
 */
@Tag("e2e")
@Tag("reliability")
class ChaosE2eTest {

    private static final int CI_KILLS = 10;
    private static final int FULL_KILLS = 50;
    private static final int MAX_NETWORKS = 4;
    private static final int MAX_CONTAINERS = 8;
    /** A /29 has 6 addresses for hosts: the gateway and 5 containers. */
    private static final int PER_NETWORK = 5;
    /** Eight /29s: at most four in use at a time, so each is freed and taken again many times in a run. */
    private static final List<String> SUBNETS = List.of("10.231.200.0/29", "10.231.200.8/29", "10.231.200.16/29",
            "10.231.200.24/29", "10.231.200.32/29", "10.231.200.40/29", "10.231.200.48/29", "10.231.200.56/29");
    /** The kill comes within this long after a round starts; the churn goes on until the daemon is back. */
    private static final int KILL_WITHIN_MILLIS = 3000;
    private static final int DOWN_AT_MOST_MILLIS = 1500;
    private static final int MIN_OPERATIONS_PER_ROUND = 2;
    /** Orphan scans and firewall repair every 2 s, veths reaped in the background: slack for a loaded machine. */
    private static final Duration SETTLES = Duration.ofSeconds(60);
    private static final Duration REACHABLE = Duration.ofSeconds(30);
    private static final List<String> SLEEPER = List.of("sleep", "3600");
    /** What mdnp says when it gets a call without its body: Docker resent one that the kill cut off. */
    private static final String CUT_OFF = "moby/moby#39331";
    /** A removal cut off by one kill is run again; there is one kill per round. */
    private static final int ATTEMPTS = 3;

    @RegisterExtension
    final E2ePlugin plugin = E2ePlugin.withServeArgs("--reconcile-interval", "2s");

    private final Map<String, Network> networks = new LinkedHashMap<>();
    private final Map<String, Set<String>> containers = new LinkedHashMap<>();
    private final Map<String, Integer> operations = new TreeMap<>();
    private final List<String> cutOff = new ArrayList<>();
    private Random random;

    /** A network of the churn: its subnet and whether mdnp is its IPAM driver. */
    private record Network(String subnet, boolean mdnpIpam) {
    }

    @Test
    void dockerChurnWhileTheDaemonIsKilledAtRandomMomentsLosesNothingAndLeavesNothing() throws Exception {
        long seed = ReliabilityBudget.seed("mdnp.chaos.seed", getClass().getSimpleName());
        int kills = ReliabilityBudget.count("mdnp.chaos.kills", CI_KILLS, FULL_KILLS);
        random = new Random(seed);
        MdnpAudit audit = new MdnpAudit(plugin);
        ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
        long started = System.nanoTime();
        long settling = 0;
        try {
            for (int round = 1; round <= kills; round++) {
                int killAt = random.nextInt(KILL_WITHIN_MILLIS);
                int down = random.nextInt(DOWN_AT_MOST_MILLIS);
                killer.schedule(() -> {
                    plugin.killDaemon();
                    return null;
                }, killAt, TimeUnit.MILLISECONDS);
                ScheduledFuture<?> back = killer.schedule(() -> plugin.restartDaemon(), killAt + down,
                        TimeUnit.MILLISECONDS);
                List<String> done = new ArrayList<>();
                while (!back.isDone() || done.size() < MIN_OPERATIONS_PER_ROUND) {
                    done.add(step());
                }
                back.get(1, TimeUnit.MINUTES);
                long settleStart = System.nanoTime();
                audit.awaitConsistent(SETTLES);
                audit.awaitReachable(REACHABLE);
                long settled = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - settleStart);
                settling += settled;
                System.out.printf("chaos round %d/%d: killed at %d ms, down %d ms, %s; %d networks, %d containers;"
                        + " consistent and reachable after %d ms%n", round, kills, killAt, down, done,
                        networks.size(), containers.size(), settled);
            }
            removeEverything();
            audit.awaitNothingLeft(SETTLES);
        } finally {
            // A kill or restart still scheduled runs first, so that the daemon after the test is the one E2ePlugin knows.
            killer.shutdown();
            killer.awaitTermination(2, TimeUnit.MINUTES);
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        System.out.printf("chaos: seed %d, %d kills, operations %s (%d), cut off by a kill and refused without their"
                + " body: %s; %d s in all, %d ms settling after restarts%n", seed, kills, operations,
                operations.values().stream().mapToInt(i -> i).sum(), cutOff, seconds, settling);
    }

    /** Runs one random docker operation that the current state allows and returns its name. */
    private String step() throws Exception {
        List<String> choices = new ArrayList<>();
        // Weighted so that the world stays busy: two to four networks, most containers on more than one.
        add(choices, "network create", networks.size() < MAX_NETWORKS, networks.size() < 2 ? 6 : 1);
        add(choices, "network rm", networks.size() > 1, networks.size() > 2 ? 2 : 1);
        add(choices, "run", containers.size() < MAX_CONTAINERS && !withRoom(Set.of()).isEmpty(), 5);
        add(choices, "rm", !containers.isEmpty(), containers.size() > MAX_CONTAINERS / 2 ? 4 : 1);
        add(choices, "connect", !connectable().isEmpty(), 3);
        add(choices, "disconnect", !disconnectable().isEmpty(), 2);
        String operation = choices.get(random.nextInt(choices.size()));
        switch (operation) {
            case "network create" -> createNetwork();
            case "network rm" -> removeNetwork(pick(List.copyOf(networks.keySet())));
            case "run" -> run(pick(withRoom(Set.of())));
            case "rm" -> remove(pick(List.copyOf(containers.keySet())));
            case "connect" -> connect(pick(connectable()));
            case "disconnect" -> disconnect(pick(disconnectable()));
            default -> throw new IllegalStateException(operation);
        }
        operations.merge(operation, 1, Integer::sum);
        return operation;
    }

    private static void add(List<String> choices, String operation, boolean possible, int weight) {
        for (int i = 0; possible && i < weight; i++) {
            choices.add(operation);
        }
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private void createNetwork() throws Exception {
        Set<String> taken = new LinkedHashSet<>();
        networks.values().forEach(network -> taken.add(network.subnet()));
        List<String> free = SUBNETS.stream().filter(subnet -> !taken.contains(subnet)).toList();
        Network network = new Network(pick(free), random.nextBoolean());
        try {
            String name = network.mdnpIpam()
                    ? plugin.network("--ipam-driver", plugin.name(), "--subnet", network.subnet())
                    : plugin.network("--subnet", network.subnet());
            networks.put(name, network);
        } catch (IllegalStateException e) {
            if (!e.getMessage().contains(CUT_OFF)) {
                throw e;
            }
            cutOff.add("network create");
        }
    }

    /** Takes the network's containers off it (removing those on no other network), then removes it. */
    private void removeNetwork(String network) throws Exception {
        for (String container : List.copyOf(containers.keySet())) {
            Set<String> on = containers.get(container);
            if (on.contains(network)) {
                if (on.size() > 1) {
                    disconnect(new Attachment(container, network));
                } else {
                    remove(container);
                }
            }
        }
        mustSucceed("network", "rm", network);
        plugin.removed(network);
        networks.remove(network);
    }

    private void run(String network) throws Exception {
        E2ePlugin.Run run = plugin.runContainer(network, List.of(), SLEEPER);
        DockerCli.Result result = run.result();
        if (result.exitCode() != 0 && result.err().contains(CUT_OFF)) {
            cutOff.add("run");
            containers.put(run.name(), new LinkedHashSet<>());
            syncWithDocker(run.name());
            return;
        }
        assertThat(result.exitCode()).as("docker run of %s on %s: %s", run.name(), network, result.err()).isZero();
        containers.put(run.name(), new LinkedHashSet<>(Set.of(network)));
    }

    private void remove(String container) throws Exception {
        mustSucceed("rm", "-f", container);
        containers.remove(container);
    }

    private void connect(Attachment attachment) throws Exception {
        DockerCli.Result result = plugin.docker().run("network", "connect", attachment.network(),
                attachment.container());
        if (result.exitCode() != 0 && result.err().contains(CUT_OFF)) {
            cutOff.add("connect");
            syncWithDocker(attachment.container());
            return;
        }
        assertThat(result.exitCode()).as("docker network connect %s %s: %s", attachment.network(),
                attachment.container(), result.err()).isZero();
        containers.get(attachment.container()).add(attachment.network());
    }

    private void disconnect(Attachment attachment) throws Exception {
        mustSucceed("network", "disconnect", attachment.network(), attachment.container());
        containers.get(attachment.container()).remove(attachment.network());
    }

    /**
     * Takes a container's networks from Docker after a command the kill cut off: Docker undoes most of such a
     * command, not necessarily all of it. A container that does not run is removed. The networks are those that
     * list the container ({@link EngineState}): the container's own settings may still name a network whose connect
     * Docker undid.
     */
    private void syncWithDocker(String container) throws Exception {
        DockerCli.Result running = plugin.docker().run("inspect", "--format", "{{.State.Running}}", container);
        if (running.exitCode() != 0 || !running.out().equals("true")) {
            mustSucceed("rm", "-f", container);
            containers.remove(container);
            return;
        }
        Set<String> on = containers.get(container);
        on.clear();
        EngineState.read(plugin.docker(), plugin.name()).attachments().stream()
                .filter(attachment -> attachment.containerName().equals(container))
                .map(EngineState.Attachment::networkName)
                .filter(networks::containsKey)
                .forEach(on::add);
    }

    /** A container and a network. */
    private record Attachment(String container, String network) {
    }

    /** Returns the networks with room for one more container, except {@code except}. */
    private List<String> withRoom(Set<String> except) {
        return networks.keySet().stream()
                .filter(network -> !except.contains(network))
                .filter(network -> containers.values().stream().filter(on -> on.contains(network)).count()
                        < PER_NETWORK)
                .toList();
    }

    private List<Attachment> connectable() {
        List<Attachment> possible = new ArrayList<>();
        containers.forEach((container, on) -> withRoom(on)
                .forEach(network -> possible.add(new Attachment(container, network))));
        return possible;
    }

    private List<Attachment> disconnectable() {
        List<Attachment> possible = new ArrayList<>();
        containers.forEach((container, on) -> {
            if (on.size() > 1) {
                on.forEach(network -> possible.add(new Attachment(container, network)));
            }
        });
        return possible;
    }

    /** Removes every container, then every network: each removal must succeed. */
    private void removeEverything() throws Exception {
        for (String container : List.copyOf(containers.keySet())) {
            remove(container);
        }
        for (String network : List.copyOf(networks.keySet())) {
            removeNetwork(network);
        }
    }

    /** Runs a docker command that must succeed, again when a kill cut it off. */
    private void mustSucceed(String... args) throws Exception {
        DockerCli.Result result = plugin.docker().run(args);
        for (int attempt = 1; attempt < ATTEMPTS && result.exitCode() != 0 && result.err().contains(CUT_OFF);
                attempt++) {
            cutOff.add(String.join(" ", List.of(args).subList(0, 2)));
            result = plugin.docker().run(args);
        }
        assertThat(result.exitCode()).as("docker %s: %s", String.join(" ", args), result.err()).isZero();
    }
}
