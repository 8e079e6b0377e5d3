package dev.mdnp.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.daemon.crash.AckedState;
import dev.mdnp.daemon.crash.AckedState.Entity;
import dev.mdnp.daemon.crash.ChurnWorker;
import dev.mdnp.daemon.crash.ChurnWorker.Outcome;
import dev.mdnp.daemon.crash.Invariants;
import dev.mdnp.daemon.crash.KernelSnapshot;
import dev.mdnp.daemon.crash.NamedNetns;
import dev.mdnp.daemon.crash.PluginCalls;
import dev.mdnp.daemon.crash.StoreSnapshot;
import dev.mdnp.daemon.crash.SubnetSupply;
import dev.mdnp.daemon.testsupport.DaemonProcess;
import dev.mdnp.daemon.testsupport.Privilege;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real daemon, killed with SIGKILL again and again while Docker-like clients create and remove networks and
 * containers, must keep every change it acknowledged, invent none, and bring the kernel back in line with its store
 * at each restart.
 *
 * <p>The daemon runs as a separate process ({@code ip netns exec}) in a named namespace of its own, with its socket
 * and state in a temporary directory, so neither Docker nor the host sees anything. Three {@link ChurnWorker}s send
 * the calls concurrently and record in an {@link AckedState} what got a 200. After a random number of answered calls
 * the daemon is killed. Then, while it is down, its {@code state.db} must hold everything acknowledged and be
 * consistent in itself; after the restart, the namespace's {@code mdnp…} links must match the store; then the
 * workers settle the calls the kill cut off, as Docker would, and the churn goes on. At the end everything is removed
 * through the API and the daemon stopped cleanly: no link, rule or row may be left.
 *
 * <p>{@code -Dmdnp.crash.seed=N} repeats a run's random choices (thread timing still varies);
 * {@code -Dmdnp.crash.kills=N} changes the number of kills.
 */
@Tag("kernel")
class CrashRecoveryKernelTest {

    private static final int WORKERS = 3;
    private static final int KILLS = Integer.getInteger("mdnp.crash.kills", 24);
    private static final long SEED = Long.getLong("mdnp.crash.seed", System.nanoTime());
    private static final int MAX_CALLS_BEFORE_KILL = 250;
    private static final Duration CHURN_TIMEOUT = Duration.ofSeconds(60);
    /** The restore runs before the socket serves; the wait covers a slow start on a loaded machine. */
    private static final Duration KERNEL_SETTLES = Duration.ofSeconds(15);

    private static final AtomicReference<DaemonProcess> daemon = new AtomicReference<>();
    private static NamedNetns netns;
    private static Path workDir;
    private static boolean passed;

    @BeforeAll
    static void createNamespace() throws Exception {
        Privilege.require(Privilege.isRoot(), "the crash test needs root: it creates a network namespace");
        netns = NamedNetns.create(String.format("mdnp-crash-%08x", new Random().nextInt()));
        workDir = Files.createTempDirectory("mdnp-crash-");
    }

    @AfterAll
    static void dropNamespace() throws Exception {
        try {
            DaemonProcess running = daemon.get();
            if (running != null) {
                running.kill();
            }
        } finally {
            if (netns != null) {
                netns.close();
            }
            if (workDir != null && passed) {
                deleteTree(workDir);
            } else if (workDir != null) {
                System.out.println("crash test: daemon log and state kept in " + workDir);
            }
        }
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void acknowledgedChangesSurviveKillsAndTheKernelFollowsTheStore() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Random random = new Random(SEED);
        AckedState acked = new AckedState();
        SubnetSupply subnets = new SubnetSupply();
        List<ChurnWorker> workers = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            workers.add(new ChurnWorker(i, random.nextLong(), acked, subnets, json));
        }
        Path pluginDir = Files.createDirectories(workDir.resolve("plugins"));
        // No Docker engine listens there: the orphan collector can see no engine and must collect nothing.
        String noDocker = "unix://" + workDir.resolve("no-docker.sock");
        DaemonProcess.Launch launch = new DaemonProcess.Launch("mdnpcrash", pluginDir, workDir, netns.wrapper(),
                List.of("--docker-host", noDocker));
        Path stateDir = launch.stateDir();
        System.out.printf("crash test: seed %d, %d kills, namespace %s, work dir %s%n", SEED, KILLS, netns.name(),
                workDir);
        List<String> firewallDrift = new ArrayList<>();
        long totalInDoubt = 0;
        long totalCommittedWithoutReply = 0;
        long started = System.nanoTime();
        daemon.set(DaemonProcess.start(launch));
        ExecutorService threads = Executors.newFixedThreadPool(WORKERS);
        try {
            for (int kill = 1; kill <= KILLS; kill++) {
                int callsBeforeKill = random.nextInt(MAX_CALLS_BEFORE_KILL + 1);
                List<Outcome> outcomes = churnThenKill(workers, threads, callsBeforeKill);
                StoreSnapshot store = StoreSnapshot.read(stateDir, json);
                List<String> violations = new ArrayList<>(Invariants.storeKeepsAcked(acked.view(), store));
                violations.addAll(Invariants.storeConsistent(store));
                assertThat(violations).as("store after kill %d (cut off: %s)", kill, outcomes).isEmpty();
                InDoubt inDoubt = InDoubt.of(acked.view(), store);

                long restartStarted = System.nanoTime();
                daemon.set(daemon.get().restart());
                long restartMillis = (System.nanoTime() - restartStarted) / 1_000_000;
                KernelSnapshot kernel = kernelMatching(store, json, "after restart " + kill);
                Invariants.firewallMatchesStore(kernel, store).forEach(v -> firewallDrift.add("restart " + v));

                List<String> settled = new ArrayList<>();
                try (PluginCalls calls = PluginCalls.connect(daemon.get().socket(), json)) {
                    for (ChurnWorker worker : workers) {
                        worker.settle(calls, store).ifPresent(settled::add);
                    }
                }
                System.out.printf("kill %2d after %3d answered calls; cut off in %s; in doubt %d, committed without"
                        + " a reply %d; store: %d networks, %d endpoints, %d pools, %d addresses; restart %d ms;"
                        + " settled %s%n", kill, callsBeforeKill, outcomes.stream().map(Outcome::cutOffIn).toList(),
                        inDoubt.objects(), inDoubt.committed(), store.networks().size(), store.endpoints().size(),
                        store.pools().size(), store.allocations().size(), restartMillis, settled);
                totalInDoubt += inDoubt.objects();
                totalCommittedWithoutReply += inDoubt.committed();
            }

            try (PluginCalls calls = PluginCalls.connect(daemon.get().socket(), json)) {
                for (ChurnWorker worker : workers) {
                    worker.removeEverything(calls);
                }
            }
            daemon.get().close();
            daemon.set(null);

            assertThat(acked.isEmpty()).as("the client's record after removing everything").isTrue();
            StoreSnapshot store = StoreSnapshot.read(stateDir, json);
            assertThat(store.rowCounts()).as("rows left in the store after a clean stop").allSatisfy((table, rows) ->
                    assertThat(rows).as("rows in %s", table).isZero());
            KernelSnapshot kernel = KernelSnapshot.read(netns, json);
            assertThat(kernel.links().keySet()).as("mdnp links left after a clean stop").isEmpty();
            assertThat(kernel.firewallNames()).as("mdnp interfaces in iptables rules after a clean stop; drift seen"
                    + " after restarts: %s", firewallDrift).isEmpty();
            System.out.printf("crash test: %d kills in %d s; %d objects were in doubt at a kill, the daemon had"
                    + " committed the change to %d of them without getting to reply%n", KILLS,
                    (System.nanoTime() - started) / 1_000_000_000, totalInDoubt, totalCommittedWithoutReply);
            passed = true;
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Lets the workers churn until {@code calls} calls got a reply, kills the daemon, and returns how each worker's
     * run ended; fails when a worker met a fault while the daemon was alive.
     */
    private static List<Outcome> churnThenKill(List<ChurnWorker> workers, ExecutorService threads, int calls)
            throws Exception {
        AtomicBoolean killing = new AtomicBoolean();
        Semaphore answered = new Semaphore(0);
        List<Future<Outcome>> runs = new ArrayList<>();
        for (ChurnWorker worker : workers) {
            runs.add(threads.submit(() -> worker.churn(daemon.get().socket(), killing::get, answered)));
        }
        boolean reached = answered.tryAcquire(calls, CHURN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        killing.set(true);
        daemon.get().kill();
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> run : runs) {
            outcomes.add(run.get(CHURN_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        }
        assertThat(outcomes).as("faults of the churn while the daemon was alive").extracting(Outcome::fault)
                .allMatch(String::isEmpty);
        assertThat(reached).as("%d calls answered within %s", calls, CHURN_TIMEOUT).isTrue();
        return outcomes;
    }

    /**
     * The objects a kill left in doubt, and how many of them the daemon had changed in its store: a creation stored or
     * a removal no longer stored, although the reply never came.
     *
     * @param objects the objects in doubt, with each automatic RequestAddress in doubt counted once
     * @param committed those whose change the store holds
     */
    private record InDoubt(long objects, long committed) {

        static InDoubt of(AckedState.View acked, StoreSnapshot store) {
            Set<Entity> stored = Invariants.entities(store);
            long objects = acked.unknownAddressInDoubt().size();
            long committed = 0;
            for (Map.Entry<Entity, AckedState.Fate> entry : acked.entities().entrySet()) {
                if (entry.getValue().inDoubt()) {
                    objects++;
                    boolean isStored = stored.contains(entry.getKey());
                    committed += (entry.getValue() == AckedState.Fate.CREATING) == isStored ? 1 : 0;
                }
            }
            for (String cidr : acked.unknownAddressInDoubt()) {
                committed += stored.stream().anyMatch(e -> e.kind() == AckedState.Kind.ADDRESS
                        && e.key().startsWith(cidr + " ") && !acked.entities().containsKey(e)) ? 1 : 0;
            }
            return new InDoubt(objects, committed);
        }
    }

    /** Waits until the namespace's links match the store, then returns them; fails with the differences. */
    private static KernelSnapshot kernelMatching(StoreSnapshot store, ObjectMapper json, String when) {
        AtomicReference<KernelSnapshot> last = new AtomicReference<>();
        await().atMost(KERNEL_SETTLES).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            last.set(KernelSnapshot.read(netns, json));
            assertThat(Invariants.kernelMatchesStore(last.get(), store)).as("kernel %s", when).isEmpty();
        });
        return last.get();
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
