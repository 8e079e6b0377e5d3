package dev.mdnp.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.daemon.crash.KernelSnapshot;
import dev.mdnp.daemon.crash.KernelSnapshot.KernelLink;
import dev.mdnp.daemon.crash.NamedNetns;
import dev.mdnp.daemon.crash.StoreSnapshot;
import dev.mdnp.daemon.crash.StoreSnapshot.StoredAllocation;
import dev.mdnp.daemon.crash.StoreSnapshot.StoredEndpoint;
import dev.mdnp.daemon.testsupport.DaemonProcess;
import dev.mdnp.daemon.testsupport.JsonObjects;
import dev.mdnp.daemon.testsupport.HostCommand;
import dev.mdnp.daemon.testsupport.Privilege;
import dev.mdnp.daemon.testsupport.StateFileSystem;
import dev.mdnp.daemon.testsupport.UnixHttpClient;
import dev.mdnp.model.cnm.OptionKeys;
import dev.mdnp.model.json.JsonMappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real daemon, in a network namespace of its own, with its state directory on a small file system of the test's
 * (see {@link StateFileSystem}), driven over its plugin socket with the calls Docker sends, while that file system
 * is full, or while the kernel has turned it read-only: every call that must commit fails with an {@code Err} that
 * names the cause and the state file, and changes nothing in the kernel (links, firewall rules, held ports are
 * compared before and after) nor in the store; the database stays intact and holds exactly what was acknowledged;
 * once there is space again the same calls succeed, without a restart.
 *
 * <p>A read-only file system cannot come back without a restart: Linux refuses {@code mount -o remount,ro} while the
 * daemon holds its database open for writing, so only the kernel's reaction to a disk error (ext4's
 * {@code errors=remount-ro}) makes it read-only under the daemon, and that lasts until the file system is unmounted
 * and checked, which needs the daemon stopped. A file system that is read-only or full when the daemon starts makes
 * it refuse to start, naming the cause, until it is writable again. Removals refused on a full disk (their kernel
 * work is done first, by design) complete when retried.
 */
@Tag("kernel")
@Timeout(300)
class StateDiskFaultsKernelTest {

    private static final String NET_A = "a1f0d15c00000000000000000000000000000000000000000000000000000001";
    private static final String NET_B = "b2f0d15c00000000000000000000000000000000000000000000000000000002";
    private static final String EP1 = "c1f0d15c00000000000000000000000000000000000000000000000000000011";
    private static final String EP2 = "c2f0d15c00000000000000000000000000000000000000000000000000000012";
    private static final String EP3 = "c3f0d15c00000000000000000000000000000000000000000000000000000013";
    private static final String SUBNET_A = "10.123.1.0/24";
    private static final String SUBNET_B = "10.123.2.0/24";
    private static final int PORT_EP1 = 18080;
    private static final int PORT_EP2 = 18081;
    /** The unlinked SQLite library the daemon keeps mapped (about 1 MiB) and a few hundred KiB for its state. */
    private static final String TMPFS_SIZE = "1536k";
    private static final int EXT4_KIB = 4096;
    /** A failed create is undone in the kernel at once, but a veth is deleted in a batch about 200 ms later. */
    private static final Duration KERNEL_SETTLES = Duration.ofSeconds(10);

    private final ObjectMapper json = JsonMappers.create();
    private NamedNetns netns;
    private Path workDir;
    private Path stateDir;
    private StateFileSystem disk;
    private DaemonProcess daemon;
    private boolean passed;

    @BeforeEach
    void createNamespaceAndWorkDir() throws Exception {
        Privilege.require(Privilege.isRoot(), "this test needs root: it mounts file systems and creates a network"
                + " namespace");
        netns = NamedNetns.create(String.format("mdnpt-disk-%08x", new Random().nextInt()));
        netns.ip("link", "set", "lo", "up");
        workDir = Files.createTempDirectory("mdnpt-statedisk-");
        stateDir = Files.createDirectory(workDir.resolve("state"));
        Files.createDirectories(workDir.resolve("plugins"));
    }

    @AfterEach
    void cleanUp() throws Exception {
        try {
            if (daemon != null) {
                daemon.close();
            }
        } finally {
            try {
                if (disk != null) {
                    disk.close();
                }
            } finally {
                if (netns != null) {
                    netns.close();
                }
                if (workDir != null && passed) {
                    deleteTree(workDir);
                } else if (workDir != null) {
                    System.out.println("state disk test: daemon log kept in " + workDir);
                }
            }
        }
    }

    @Test
    void callsFailCleanlyWhileTheStateDiskIsFullAndSucceedOnceSpaceIsBack() throws Exception {
        disk = StateFileSystem.tmpfs(stateDir, "mdnpt-statedisk", TMPFS_SIZE);
        daemon = DaemonProcess.start(launch());
        Baseline baseline = buildBaseline();
        KernelState before = kernelAfterBaseline();
        Path filler = stateDir.resolve("mdnpt-filler");
        long filled = disk.fill(filler);
        System.out.printf("state disk test: filler of %d bytes fills %s; state files: %s%n", filled, stateDir,
                sizes(disk.path(stateDir)));

        try (UnixHttpClient plugin = UnixHttpClient.connect(daemon.socket())) {
            for (Call call : mustCommit(baseline)) {
                assertFailsNaming(plugin, call, "database or disk is full", "No space left on device");
            }
            assertOnlyTheBaselineIsKnown(plugin);
        }
        assertKernelSettlesAs(before);
        assertThat(sizes(disk.path(stateDir))).as("state files").doesNotContainKey("state.probe");
        StoreSnapshot whileFull = StoreSnapshot.read(disk.path(stateDir), json);
        assertThat(integrity(disk.path(stateDir))).as("integrity check while the disk is full").isEqualTo("ok");
        assertStoreHolds(whileFull, baseline.acknowledged());

        Files.delete(disk.path(filler));
        try (UnixHttpClient plugin = UnixHttpClient.connect(daemon.socket())) {
            succeedAgain(plugin, baseline);
        }
        daemon.close();
        daemon = null;
        assertThat(integrity(disk.path(stateDir))).as("integrity check after a clean stop").isEqualTo("ok");
        assertStoreHolds(StoreSnapshot.read(disk.path(stateDir), json), baseline.acknowledgedAfterRecovery());
        daemon = DaemonProcess.start(launch());
        assertKernelRestored();
        passed = true;
    }

    @Test
    void removalsRefusedWhileTheStateDiskIsFullCompleteWhenRetriedOnceSpaceIsBack() throws Exception {
        disk = StateFileSystem.tmpfs(stateDir, "mdnpt-statedisk", TMPFS_SIZE);
        daemon = DaemonProcess.start(launch());
        Baseline baseline = buildBaseline();
        kernelAfterBaseline();
        Path filler = stateDir.resolve("mdnpt-filler");
        disk.fill(filler);
        List<Call> removals = List.of(
                new Call("/NetworkDriver.RevokeExternalConnectivity", body("NetworkID", NET_A, "EndpointID", EP1)),
                new Call("/NetworkDriver.Leave", body("NetworkID", NET_A, "EndpointID", EP1)),
                new Call("/NetworkDriver.DeleteEndpoint", body("NetworkID", NET_A, "EndpointID", EP2)),
                new Call("/IpamDriver.ReleaseAddress", body("PoolID", baseline.poolA(), "Address", "10.123.1.3")));

        try (UnixHttpClient plugin = UnixHttpClient.connect(daemon.socket())) {
            for (Call call : removals) {
                assertFailsNaming(plugin, call, "database or disk is full", "No space left on device");
            }
        }
        assertStoreHolds(StoreSnapshot.read(disk.path(stateDir), json), baseline.acknowledged());

        Files.delete(disk.path(filler));
        try (UnixHttpClient plugin = UnixHttpClient.connect(daemon.socket())) {
            for (Call call : removals) {
                ok(plugin, call);
            }
        }
        Expected removed = new Expected(List.of(NET_A), List.of(EP1), List.of(SUBNET_A),
                List.of("10.123.1.1", "10.123.1.2"), 0L);
        await().atMost(KERNEL_SETTLES).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            KernelState kernel = KernelState.read(netns, json);
            assertThat(kernel.links()).doesNotContainKey("mdnph" + EP2.substring(0, 10));
            assertThat(kernel.firewall()).noneMatch(rule -> rule.contains("--dport " + PORT_EP1));
            assertThat(kernel.listening()).noneMatch(socket -> socket.endsWith(":" + PORT_EP1));
        });
        daemon.close();
        daemon = null;
        assertThat(integrity(disk.path(stateDir))).as("integrity check after a clean stop").isEqualTo("ok");
        assertStoreHolds(StoreSnapshot.read(disk.path(stateDir), json), removed);
        passed = true;
    }

    @Test
    void callsFailCleanlyWhenTheKernelTurnsTheStateDiskReadOnlyAndSucceedAfterARepairAndARestart()
            throws Exception {
        disk = StateFileSystem.ext4(stateDir, workDir.resolve("mdnpt-statedisk.img"), EXT4_KIB);
        Privilege.require(disk.canFailExt4(), "this kernel has no /sys/fs/ext4/*/trigger_fs_error");
        daemon = DaemonProcess.start(launch());
        Baseline baseline = buildBaseline();
        KernelState before = kernelAfterBaseline();
        HostCommand.Result remount = HostCommand.run(Duration.ofSeconds(30),
                disk.inside(List.of("mount", "-o", "remount,ro", stateDir.toString())));
        assertThat(remount.exitCode()).as("mount -o remount,ro while the daemon holds its files: %s", remount)
                .isNotZero();
        disk.failExt4();

        try (UnixHttpClient plugin = UnixHttpClient.connect(daemon.socket())) {
            for (Call call : mustCommit(baseline)) {
                assertFailsNaming(plugin, call, "disk I/O error", "Read-only file system");
            }
            assertOnlyTheBaselineIsKnown(plugin);
        }
        assertKernelSettlesAs(before);
        assertThat(integrity(disk.path(stateDir))).as("integrity check while read-only").isEqualTo("ok");
        assertStoreHolds(StoreSnapshot.read(disk.path(stateDir), json), baseline.acknowledged());

        daemon.close();
        daemon = null;
        System.out.printf("state disk test: e2fsck after the error:%n%s%n", disk.repairExt4());
        assertThat(integrity(disk.path(stateDir))).as("integrity check after the repair").isEqualTo("ok");
        assertStoreHolds(StoreSnapshot.read(disk.path(stateDir), json), baseline.acknowledged());
        daemon = DaemonProcess.start(launch());
        assertThat(KernelState.read(netns, json)).as("kernel after the restart").isEqualTo(before);
        try (UnixHttpClient plugin = UnixHttpClient.connect(daemon.socket())) {
            succeedAgain(plugin, baseline);
        }
        daemon.close();
        daemon = null;
        assertThat(integrity(disk.path(stateDir))).as("integrity check after a clean stop").isEqualTo("ok");
        assertStoreHolds(StoreSnapshot.read(disk.path(stateDir), json), baseline.acknowledgedAfterRecovery());
        passed = true;
    }

    @Test
    void aDaemonRefusesToStartOnAReadOnlyStateDiskAndStartsOnceItIsWritable() throws Exception {
        disk = StateFileSystem.tmpfs(stateDir, "mdnpt-statedisk", TMPFS_SIZE);
        daemon = DaemonProcess.start(launch());
        Baseline baseline = buildBaseline();
        daemon.close();
        daemon = null;
        disk.run("mount", "-o", "remount,ro", stateDir.toString());

        assertStartRefusedNaming("Read-only file system");

        disk.run("mount", "-o", "remount,rw", stateDir.toString());
        startAndSucceedAgain(baseline);
        passed = true;
    }

    @Test
    void aDaemonRefusesToStartOnAFullStateDiskNamingTheCauseAndStartsOnceSpaceIsBack() throws Exception {
        disk = StateFileSystem.tmpfs(stateDir, "mdnpt-statedisk", TMPFS_SIZE);
        daemon = DaemonProcess.start(launch());
        Baseline baseline = buildBaseline();
        daemon.close();
        daemon = null;
        Path filler = stateDir.resolve("mdnpt-filler");
        disk.fill(filler);

        assertStartRefusedNaming("No space left on device");

        Files.delete(disk.path(filler));
        startAndSucceedAgain(baseline);
        passed = true;
    }

    /**
     * Fails unless a daemon started now exits, saying on its last line that it cannot start from the state directory
     * and naming {@code cause}, and leaves {@code state.db} as it was.
     */
    private void assertStartRefusedNaming(String cause) throws IOException {
        Path database = disk.path(stateDir.resolve(StoreSnapshot.DATABASE));
        byte[] before = Files.readAllBytes(database);
        String refusal = "";
        try {
            daemon = DaemonProcess.start(launch());
        } catch (IllegalStateException e) {
            refusal = e.getMessage().lines().filter(line -> line.contains(" ERROR ServeCommand - ")).reduce("",
                    (first, second) -> second);
        }
        assertThat(daemon).as("a daemon started on a state disk that refuses writes").isNull();
        assertThat(refusal).contains("cannot start from the state in " + stateDir, cause);
        System.out.printf("state disk test: refused start: %s%n", refusal);
        assertThat(Files.readAllBytes(database)).as("state.db after the refused start").isEqualTo(before);
    }

    /** Starts the daemon, which restores the baseline, makes the calls of {@link #mustCommit}, and checks the store. */
    private void startAndSucceedAgain(Baseline baseline) throws Exception {
        daemon = DaemonProcess.start(launch());
        assertKernelRestored();
        try (UnixHttpClient plugin = UnixHttpClient.connect(daemon.socket())) {
            succeedAgain(plugin, baseline);
        }
        daemon.close();
        daemon = null;
        assertThat(integrity(disk.path(stateDir))).as("integrity check after a clean stop").isEqualTo("ok");
        assertStoreHolds(StoreSnapshot.read(disk.path(stateDir), json), baseline.acknowledgedAfterRecovery());
    }

    private DaemonProcess.Launch launch() {
        return new DaemonProcess.Launch("mdnptdisk", workDir.resolve("plugins"), workDir,
                disk.inside(netns.wrapper()), List.of("--docker-host", "unix://" + workDir.resolve("no-docker.sock"),
                        "--reconcile-interval", "60m"));
    }

    /**
     * What Docker does for a network with mdnp as IPAM driver and two containers, one running with a published port,
     * one created but not started; every call must succeed.
     */
    private Baseline buildBaseline() throws IOException {
        try (UnixHttpClient plugin = UnixHttpClient.connect(daemon.socket())) {
            String space = ok(plugin, "/IpamDriver.GetDefaultAddressSpaces", Map.of())
                    .path("LocalDefaultAddressSpace").asText();
            String poolA = ok(plugin, requestPool(space, SUBNET_A)).path("PoolID").asText();
            String gateway = ok(plugin, requestAddress(poolA, true)).path("Address").asText();
            assertThat(gateway).isEqualTo("10.123.1.1/24");
            ok(plugin, createNetwork(NET_A, space, SUBNET_A, gateway));
            String address1 = ok(plugin, requestAddress(poolA, false)).path("Address").asText();
            ok(plugin, createEndpoint(NET_A, EP1, address1));
            ok(plugin, join(NET_A, EP1));
            ok(plugin, program(NET_A, EP1, PORT_EP1));
            String address2 = ok(plugin, requestAddress(poolA, false)).path("Address").asText();
            ok(plugin, createEndpoint(NET_A, EP2, address2));
            assertThat(List.of(address1, address2)).containsExactly("10.123.1.2/24", "10.123.1.3/24");
            return new Baseline(space, poolA);
        }
    }

    /** Reads the kernel after the baseline, checking that it shows what the baseline built. */
    private KernelState kernelAfterBaseline() throws IOException, InterruptedException {
        KernelState kernel = KernelState.read(netns, json);
        assertThat(kernel.links()).containsKeys("mdnpb" + NET_A.substring(0, 10), "mdnph" + EP1.substring(0, 10),
                "mdnph" + EP2.substring(0, 10));
        assertThat(kernel.firewall()).anyMatch(rule -> rule.startsWith("-A MDNP-DNAT ") && rule.contains(
                "--dport " + PORT_EP1));
        assertThat(kernel.listening()).anyMatch(socket -> socket.endsWith(":" + PORT_EP1));
        return kernel;
    }

    /** The calls that must commit, for the objects the baseline does not hold yet. */
    private List<Call> mustCommit(Baseline baseline) {
        return List.of(
                requestPool(baseline.space(), SUBNET_B),
                requestAddress(baseline.poolA(), false),
                createNetwork(NET_B, baseline.space(), SUBNET_B, "10.123.2.1/24"),
                createEndpoint(NET_A, EP3, "10.123.1.4/24"),
                join(NET_A, EP2),
                program(NET_A, EP2, PORT_EP2));
    }

    /** The same calls once there is space again: all succeed, and the IPAM hands out the address it refused. */
    private void succeedAgain(UnixHttpClient plugin, Baseline baseline) throws IOException, InterruptedException {
        List<Call> calls = mustCommit(baseline);
        assertThat(ok(plugin, calls.get(0)).path("PoolID").asText()).isEqualTo(baseline.space() + "/" + SUBNET_B);
        assertThat(ok(plugin, calls.get(1)).path("Address").asText()).as("the address the refused call did not take")
                .isEqualTo("10.123.1.4/24");
        for (Call call : calls.subList(2, calls.size())) {
            ok(plugin, call);
        }
        KernelSnapshot kernel = KernelSnapshot.read(netns, json);
        assertThat(kernel.link("mdnpb" + NET_B.substring(0, 10))).as("network B's bridge").isPresent();
        assertThat(kernel.link("mdnph" + EP3.substring(0, 10))).as("endpoint 3's veth").isPresent();
        assertThat(listening()).as("held ports").anyMatch(address -> address.endsWith(":" + PORT_EP1))
                .anyMatch(address -> address.endsWith(":" + PORT_EP2));
    }

    /**
     * Fails unless {@code call} gets a 500 whose Err names the state directory and the system's words: the state
     * file with SQLite's words when the commit failed, or the firewall's scratch directory under the state directory
     * when writing an iptables command's files failed first.
     */
    private void assertFailsNaming(UnixHttpClient plugin, Call call, String sqliteWords, String systemWords)
            throws IOException {
        UnixHttpClient.Reply reply = plugin.post(call.path(), call.body());
        assertThat(reply.status()).as("%s: %s", call.path(), reply.body()).isEqualTo(500);
        JsonNode body = json.readTree(reply.body());
        assertThat(body.size()).as("fields of %s", reply.body()).isOne();
        String err = body.path("Err").asText();
        assertThat(err).as("Err of %s", call.path()).contains(stateDir.toString(), systemWords);
        if (!err.contains("cannot write its files in " + stateDir.resolve("firewall-tmp"))) {
            assertThat(err).as("Err of %s", call.path())
                    .contains(stateDir.resolve(StoreSnapshot.DATABASE).toString(), sqliteWords);
        }
        System.out.printf("state disk test: %s -> %s%n", call.path(), reply.body());
    }

    /** The daemon still answers, and its memory holds the baseline only: EP2 has no published port. */
    private void assertOnlyTheBaselineIsKnown(UnixHttpClient plugin) throws IOException {
        JsonNode ep1 = ok(plugin, new Call("/NetworkDriver.EndpointOperInfo", body("NetworkID", NET_A,
                "EndpointID", EP1)));
        assertThat(ep1.path("Value").path(OptionKeys.PORT_MAP).path(0).path("HostPort").asInt()).isEqualTo(PORT_EP1);
        JsonNode ep2 = ok(plugin, new Call("/NetworkDriver.EndpointOperInfo", body("NetworkID", NET_A,
                "EndpointID", EP2)));
        assertThat(ep2.path("Value").has(OptionKeys.PORT_MAP)).as("EP2's ports: %s", ep2).isFalse();
    }

    /** Waits until the kernel is as {@code before} again (a failed create's veth goes in a batch); fails if not. */
    private void assertKernelSettlesAs(KernelState before) {
        await().atMost(KERNEL_SETTLES).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            KernelState now = KernelState.read(netns, json);
            assertThat(now.links()).as("links after the refused calls").isEqualTo(before.links());
            assertThat(now.firewall()).as("firewall rules after the refused calls")
                    .containsExactlyElementsOf(before.firewall());
            assertThat(now.listening()).as("listening sockets after the refused calls")
                    .containsExactlyElementsOf(before.listening());
        });
    }

    /** Fails unless the store holds exactly {@code expected}. */
    private static void assertStoreHolds(StoreSnapshot store, Expected expected) {
        assertThat(store.networks()).extracting(StoreSnapshot.StoredNetwork::id)
                .containsExactlyInAnyOrderElementsOf(expected.networks());
        assertThat(store.endpoints()).extracting(e -> e.id() + (e.joined() ? " joined" : ""))
                .containsExactlyInAnyOrderElementsOf(expected.endpoints());
        assertThat(store.pools()).extracting(StoreSnapshot.StoredPool::cidr)
                .containsExactlyInAnyOrderElementsOf(expected.pools());
        assertThat(store.allocations()).extracting(StoredAllocation::address)
                .containsExactlyInAnyOrderElementsOf(expected.addresses());
        assertThat(store.rowCounts().get("published_ports")).as("published ports").isEqualTo(expected.ports());
    }

    /** The restarted daemon rebuilt the network and the endpoints it read, and holds EP1's port again. */
    private void assertKernelRestored() throws Exception {
        await().atMost(KERNEL_SETTLES).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            KernelSnapshot kernel = KernelSnapshot.read(netns, json);
            assertThat(kernel.links().keySet()).contains("mdnpb" + NET_A.substring(0, 10),
                    "mdnph" + EP1.substring(0, 10), "mdnph" + EP2.substring(0, 10));
            assertThat(listening()).anyMatch(address -> address.endsWith(":" + PORT_EP1));
        });
    }

    /** Returns the local addresses of the namespace's listening sockets, such as {@code 0.0.0.0:18080}. */
    private List<String> listening() throws IOException, InterruptedException {
        return KernelState.read(netns, json).listening().stream().map(line -> line.split(" ")[2]).toList();
    }

    /** Returns the sizes of the files in {@code directory}, by name. */
    private static Map<String, Long> sizes(Path directory) throws IOException {
        Map<String, Long> sizes = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                sizes.put(file.getFileName().toString(), Files.size(file));
            }
        }
        return sizes;
    }

    /** Runs SQLite's integrity check on a copy of the database and its WAL, as {@link StoreSnapshot} reads them. */
    private static String integrity(Path stateDir) throws Exception {
        Path scratch = Files.createTempDirectory("mdnpt-statedisk-db-");
        try {
            for (String suffix : List.of("", "-wal")) {
                Path file = stateDir.resolve(StoreSnapshot.DATABASE + suffix);
                if (Files.exists(file)) {
                    Files.copy(file, scratch.resolve(StoreSnapshot.DATABASE + suffix));
                }
            }
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:"
                    + scratch.resolve(StoreSnapshot.DATABASE));
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
                List<String> lines = new ArrayList<>();
                while (rows.next()) {
                    lines.add(rows.getString(1));
                }
                return String.join("\n", lines);
            }
        } finally {
            deleteTree(scratch);
        }
    }

    private JsonNode ok(UnixHttpClient plugin, String path, Map<String, Object> body) throws IOException {
        return ok(plugin, new Call(path, json.writeValueAsString(body)));
    }

    private JsonNode ok(UnixHttpClient plugin, Call call) throws IOException {
        UnixHttpClient.Reply reply = plugin.post(call.path(), call.body());
        assertThat(reply.status()).as("%s %s: %s", call.path(), call.body(), reply.body()).isEqualTo(200);
        return json.readTree(reply.body());
    }

    private Call requestPool(String space, String subnet) {
        return new Call("/IpamDriver.RequestPool", body("AddressSpace", space, "Pool", subnet, "SubPool", "",
                "Options", Map.of(), "V6", false));
    }

    private Call requestAddress(String poolId, boolean gateway) {
        return new Call("/IpamDriver.RequestAddress", body("PoolID", poolId, "Address", "", "Options",
                gateway ? Map.of(OptionKeys.REQUEST_ADDRESS_TYPE, OptionKeys.GATEWAY_ADDRESS_TYPE) : Map.of()));
    }

    private Call createNetwork(String networkId, String space, String subnet, String gateway) {
        return new Call("/NetworkDriver.CreateNetwork", body("NetworkID", networkId,
                "Options", Map.of(OptionKeys.ENABLE_IPV6, false, OptionKeys.GENERIC, Map.of()),
                "IPv4Data", List.of(Map.of("AddressSpace", space, "Gateway", gateway, "Pool", subnet)),
                "IPv6Data", List.of()));
    }

    private Call createEndpoint(String networkId, String endpointId, String address) {
        return new Call("/NetworkDriver.CreateEndpoint", body("NetworkID", networkId, "EndpointID", endpointId,
                "Interface", Map.of("Address", address, "AddressIPv6", "", "MacAddress", ""),
                "Options", Map.of(OptionKeys.EXPOSED_PORTS, List.of(), OptionKeys.PORT_MAP, List.of())));
    }

    private Call join(String networkId, String endpointId) {
        return new Call("/NetworkDriver.Join", body("NetworkID", networkId, "EndpointID", endpointId,
                "SandboxKey", "/var/run/docker/netns/" + endpointId.substring(0, 12), "Options", Map.of()));
    }

    /** §2.10 as the golden body has it: container port 80/tcp published on {@code hostPort} of every address. */
    private Call program(String networkId, String endpointId, int hostPort) {
        return new Call("/NetworkDriver.ProgramExternalConnectivity", body("NetworkID", networkId,
                "EndpointID", endpointId, "Options", Map.of(
                        OptionKeys.EXPOSED_PORTS, List.of(Map.of("Proto", 6, "Port", 80)),
                        OptionKeys.PORT_MAP, List.of(Map.of("Proto", 6, "IP", "", "Port", 80, "HostIP", "",
                                "HostPort", hostPort, "HostPortEnd", hostPort)))));
    }

    private String body(Object... namesAndValues) {
        return JsonObjects.of(json, namesAndValues);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** One plugin call: its path and JSON body. */
    private record Call(String path, String body) {
    }

    /**
     * What the baseline made.
     *
     * @param space the IPAM's local address space
     * @param poolA the pool id of network A's subnet
     */
    private record Baseline(String space, String poolA) {

        /** The store after the baseline. */
        Expected acknowledged() {
            return new Expected(List.of(NET_A), List.of(EP1 + " joined", EP2), List.of(SUBNET_A),
                    List.of("10.123.1.1", "10.123.1.2", "10.123.1.3"), 1L);
        }

        /** The store after the calls refused at first succeeded. */
        Expected acknowledgedAfterRecovery() {
            return new Expected(List.of(NET_A, NET_B), List.of(EP1 + " joined", EP2 + " joined", EP3),
                    List.of(SUBNET_A, SUBNET_B), List.of("10.123.1.1", "10.123.1.2", "10.123.1.3", "10.123.1.4"),
                    2L);
        }
    }

    /** The rows a store must hold, as the assertions compare them. */
    private record Expected(List<String> networks, List<String> endpoints, List<String> pools,
            List<String> addresses, long ports) {
    }

    /**
     * What a refused call must not change in the namespace: the {@code mdnp…} links, every firewall rule (IPv4 and
     * IPv6, all tables, without counters) and the listening sockets (mdnp holds published host ports).
     *
     * @param links the {@code mdnp…} links
     * @param firewall the output of {@code iptables-save} and {@code ip6tables-save}, without comments and counters
     * @param listening {@code NETID STATE LOCAL-ADDRESS} of each listening socket, sorted
     */
    private record KernelState(Map<String, KernelLink> links, List<String> firewall, List<String> listening) {

        static KernelState read(NamedNetns netns, ObjectMapper json) throws IOException, InterruptedException {
            List<String> firewall = new ArrayList<>();
            for (String save : List.of("iptables-save", "ip6tables-save")) {
                netns.exec(save).lines().filter(line -> !line.startsWith("#"))
                        .map(line -> line.replaceAll("\\[\\d+:\\d+]", "[]")).forEach(firewall::add);
            }
            List<String> listening = netns.exec("ss", "-Hlntu").lines()
                    .map(line -> line.trim().split("\\s+"))
                    .map(fields -> String.join(" ", Arrays.asList(fields[0], fields[1], fields[4])))
                    .sorted().toList();
            return new KernelState(KernelSnapshot.read(netns, json).links(), firewall, listening);
        }
    }
}
