package dev.mdnp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.daemon.testsupport.DockerCli;
import dev.mdnp.daemon.testsupport.E2eEnvironment;
import dev.mdnp.daemon.testsupport.E2ePlugin;
import dev.mdnp.daemon.testsupport.EngineState;
import dev.mdnp.daemon.testsupport.MdnpAudit;
import dev.mdnp.daemon.testsupport.ReliabilityBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Docker calls mdnp concurrently (cnm-remote-api.md §1.3); under load every call must still succeed and nothing may be
 * shared or leaked (issue 14, "concurrency"): 50 {@code docker run} at once on one network, and one container
 * connected to and disconnected from five networks at once, again and again. After each burst {@link MdnpAudit}
 * finds Docker, mdnp's state, its IPAM and the kernel in agreement (unique addresses, no leaked address, link or
 * rule) and every container reaches its gateways and peers; at the end nothing is left.
 *
 * <p>{@code -Dmdnp.concurrency.runs=N} changes the number of parallel runs (50 in CI and in a full run),
 * {@code -Dmdnp.concurrency.rounds=N} the connect/disconnect rounds per network (CI {@value #CI_ROUNDS}, full
 * {@value #FULL_ROUNDS}).
 */
@Tag("e2e")
@Tag("reliability")
class ConcurrencyE2eTest {

    private static final int RUNS = 50;
    private static final int CI_ROUNDS = 4;
    private static final int FULL_ROUNDS = 20;
    private static final int NETWORKS = 5;
    private static final Duration SETTLES = Duration.ofSeconds(60);
    private static final Duration BURST = Duration.ofMinutes(5);
    private static final List<String> SLEEPER = List.of("sleep", "3600");

    @RegisterExtension
    final E2ePlugin plugin = E2ePlugin.withServeArgs("--reconcile-interval", "2s");

    private final MdnpAudit audit = new MdnpAudit(plugin);
    private int dockerCountWrong;

    @AfterEach
    void leaveTheEngineAnswering() throws Exception {
        E2eEnvironment.ensureDockerdAnswers();
    }

    @Test
    void fiftyParallelRunsOnOneNetworkAllStartWithUniqueAddressesAndTheirRemovalLeavesNothing() throws Exception {
        int runs = ReliabilityBudget.count("mdnp.concurrency.runs", RUNS, RUNS);
        // A /26 has 62 addresses for hosts: the gateway and the containers take most of them.
        String network = plugin.network("--ipam-driver", plugin.name(), "--subnet", "10.231.210.0/26");

        long started = System.nanoTime();
        List<E2ePlugin.Run> started50 = parallel(runs, i -> plugin.runContainer(network, List.of(), SLEEPER));
        long runMillis = millisSince(started);
        for (E2ePlugin.Run run : started50) {
            assertThat(run.result().exitCode()).as("docker run of %s: %s", run.name(), run.result().err()).isZero();
        }
        audit.awaitConsistent(SETTLES);
        EngineState engine = EngineState.read(plugin.docker(), plugin.name());
        assertThat(engine.attachments()).hasSize(runs)
                .extracting(EngineState.Attachment::ipv4).doesNotHaveDuplicates().allMatch(a -> !a.isEmpty());
        audit.awaitReachable(SETTLES);

        started = System.nanoTime();
        List<DockerCli.Result> removed = parallel(runs, i -> plugin.docker().run("rm", "-f", started50.get(i).name()));
        long rmMillis = millisSince(started);
        for (DockerCli.Result result : removed) {
            assertThat(result.exitCode()).as("docker rm -f: %s", result.err()).isZero();
        }
        audit.awaitConsistent(SETTLES);
        removeNetwork(network);
        audit.awaitNothingLeft(SETTLES);
        System.out.printf("concurrency: %d parallel docker run in %d ms, %d parallel docker rm -f in %d ms; Docker's"
                + " endpoint count wrong afterwards: %d%n", runs, runMillis, runs, rmMillis, dockerCountWrong);
    }

    @Test
    void oneContainerConnectedToAndDisconnectedFromFiveNetworksAtOnceKeepsUniqueAddressesAndLeaksNothing()
            throws Exception {
        int rounds = ReliabilityBudget.count("mdnp.concurrency.rounds", CI_ROUNDS, FULL_ROUNDS);
        String home = plugin.network("--subnet", "10.231.211.0/28");
        List<String> networks = new ArrayList<>();
        for (int i = 0; i < NETWORKS; i++) {
            String subnet = "10.231.211." + (16 * (i + 1)) + "/28";
            // Half of them with mdnp's IPAM too, so that both allocators see the churn.
            networks.add(i % 2 == 0
                    ? plugin.network("--ipam-driver", plugin.name(), "--subnet", subnet)
                    : plugin.network("--subnet", subnet));
        }
        String container = plugin.container(home, "--stop-timeout", "1");
        String peer = plugin.container(networks.get(0));

        long started = System.nanoTime();
        List<List<DockerCli.Result>> churned = parallel(NETWORKS, i -> {
            List<DockerCli.Result> results = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                results.add(plugin.docker().run("network", "connect", networks.get(i), container));
                results.add(plugin.docker().run("network", "disconnect", networks.get(i), container));
            }
            results.add(plugin.docker().run("network", "connect", networks.get(i), container));
            return results;
        });
        long churnMillis = millisSince(started);
        for (List<DockerCli.Result> results : churned) {
            for (DockerCli.Result result : results) {
                assertThat(result.exitCode()).as("docker network connect/disconnect: %s", result.err()).isZero();
            }
        }
        audit.awaitConsistent(SETTLES);
        EngineState engine = EngineState.read(plugin.docker(), plugin.name());
        assertThat(engine.attachments()).as("the container on its six networks, the peer on one")
                .hasSize(NETWORKS + 2).extracting(EngineState.Attachment::ipv4).doesNotHaveDuplicates();
        assertThat(plugin.exec(container, "ip", "-o", "-4", "addr", "show").lines()
                .filter(line -> line.contains(" eth")).count()).as("eth0 and one interface per network")
                .isEqualTo(NETWORKS + 1);
        audit.awaitReachable(SETTLES);

        List<DockerCli.Result> disconnected = parallel(NETWORKS,
                i -> plugin.docker().run("network", "disconnect", networks.get(i), container));
        for (DockerCli.Result result : disconnected) {
            assertThat(result.exitCode()).as("docker network disconnect: %s", result.err()).isZero();
        }
        audit.awaitConsistent(SETTLES);
        assertThat(EngineState.read(plugin.docker(), plugin.name()).attachments()).hasSize(2);
        plugin.docker().ok("rm", "-f", container, peer);
        for (String network : networks) {
            removeNetwork(network);
        }
        removeNetwork(home);
        audit.awaitNothingLeft(SETTLES);
        System.out.printf("concurrency: %d networks x %d connect/disconnect rounds (+1 connect) on one container in"
                + " %d ms; Docker's endpoint count wrong afterwards: %d%n", NETWORKS, rounds, churnMillis,
                dockerCountWrong);
    }

    /**
     * Removes the network, which must succeed. Docker's own count of a network's endpoints can lose an update when
     * endpoints come and go concurrently (moby/moby#42119, in Docker's store, not the plugin's): {@code network rm}
     * then says "has active endpoints" although Docker lists none. When mdnp holds none either, the engine is restarted,
     * which counts them again, and the removal must succeed then; the test reports how often that was needed.
     */
    private void removeNetwork(String network) throws Exception {
        DockerCli.Result result = plugin.docker().run("network", "rm", network);
        if (result.exitCode() != 0 && result.err().contains("has active endpoints")) {
            String id = plugin.docker().ok("network", "inspect", "--format", "{{.Id}}", network);
            assertThat(plugin.docker().ok("network", "inspect", "--format", "{{len .Containers}}", network))
                    .as("containers Docker lists on %s", network).isEqualTo("0");
            assertThat(EngineState.read(plugin.docker(), plugin.name()).attachmentsOn(id)).isEmpty();
            audit.awaitConsistent(SETTLES);
            dockerCountWrong++;
            System.out.printf("concurrency: Docker counts endpoints on %s it no longer has (moby/moby#42119);"
                    + " restarting it to recount%n", network);
            E2eEnvironment.restartDockerd();
            result = plugin.docker().run("network", "rm", network);
        }
        assertThat(result.exitCode()).as("docker network rm %s: %s", network, result.err()).isZero();
        plugin.removed(network);
    }

    /** Runs {@code task} for 0..n-1 on n threads at once and returns the results in order; bounded by BURST. */
    private static <T> List<T> parallel(int n, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit((Callable<T>) () -> task.run(index)));
            }
            List<T> results = new ArrayList<>();
            long deadline = System.nanoTime() + BURST.toNanos();
            for (Future<T> future : futures) {
                results.add(future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    /** One of the parallel tasks. */
    @FunctionalInterface
    private interface Task<T> {
        T run(int index) throws Exception;
    }
}
