package dev.mdnp.daemon.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.daemon.api.CallRecorder;
import dev.mdnp.daemon.api.PluginApi;
import dev.mdnp.daemon.dataplane.InNamespaceDataplane;
import dev.mdnp.daemon.dataplane.NetlinkDataplane;
import dev.mdnp.daemon.dataplane.Ownership;
import dev.mdnp.daemon.dataplane.firewall.CommandListener;
import dev.mdnp.daemon.dataplane.firewall.Firewall;
import dev.mdnp.daemon.driver.DriverState;
import dev.mdnp.daemon.driver.NetworkDriver;
import dev.mdnp.daemon.inspect.FirewallDrift;
import dev.mdnp.daemon.inspect.InspectServer;
import dev.mdnp.daemon.inspect.InspectServerConfig;
import dev.mdnp.daemon.inspect.InspectSources;
import dev.mdnp.daemon.inspect.InspectViews;
import dev.mdnp.daemon.inspect.LinkSource;
import dev.mdnp.daemon.inspect.RequestHistory;
import dev.mdnp.daemon.inspect.SandboxLinks;
import dev.mdnp.daemon.inspect.StateEventJournal;
import dev.mdnp.daemon.ipam.DefaultPools;
import dev.mdnp.daemon.ipam.IpamDriver;
import dev.mdnp.daemon.ipam.IpamSnapshot;
import dev.mdnp.daemon.netlink.Link;
import dev.mdnp.daemon.netlink.testsupport.PrivateNetns;
import dev.mdnp.daemon.persistence.DurableState;
import dev.mdnp.daemon.transport.PeerPolicy;
import dev.mdnp.daemon.transport.UnixSocketServer;
import dev.mdnp.daemon.transport.UnixSocketServerConfig;
import dev.mdnp.model.inspect.KernelOpRecord;
import dev.mdnp.model.inspect.NameLookup;
import dev.mdnp.model.inspect.RequestRecord;
import dev.mdnp.model.json.JsonMappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * mdnp's plugin API as the daemon serves it, built from the same parts in the same order as {@code Wiring}, but in a
 * private network namespace: the real UNIX-socket server (one I/O thread, 16 workers, root only), the real api,
 * driver and IPAM, the durable state in a SQLite file of a temporary directory, the real dataplane on the
 * namespace's rtnetlink handle and iptables, and the inspect server with its request history. Only the firewall's
 * commands are prefixed with {@code nsenter} and the dataplane's calls moved to the namespace's thread, which the
 * daemon does not need because all its threads live in one namespace.
 *
 * <p>Also reads what a failed call must not change: the store, the {@code /v1} views and the kernel
 * ({@link #state(boolean)}) and the firewall ({@link #firewall()}).
 */
final class FuzzedDaemon implements AutoCloseable {

    /** The daemon's {@code --name}: its device groups and the tag of its rules. */
    static final String NAME = "mdnpfz";
    /** The daemon's default {@code --history}. */
    private static final int HISTORY = 10_000;
    private static final Duration FIREWALL_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final Path dir;
    private final PrivateNetns netns;
    private final DurableState durable;
    private final NetlinkDataplane real;
    private final CountingDataplane dataplane;
    private final IpamDriver ipam;
    private final RequestHistory history;
    private final InspectServer inspect;
    private final UnixSocketServer server;
    private final InspectViews views;
    private final StoreReader store;
    private final KernelView kernel;
    private final Ownership ownership;
    private final DriverState driverState;
    private final Path stateDir;

    private FuzzedDaemon(Path dir, PrivateNetns netns, DurableState durable, NetlinkDataplane real,
            CountingDataplane dataplane, IpamDriver ipam, RequestHistory history, InspectServer inspect,
            UnixSocketServer server, InspectViews views, StoreReader store, KernelView kernel, Ownership ownership,
            DriverState driverState, Path stateDir) {
        this.dir = dir;
        this.netns = netns;
        this.durable = durable;
        this.real = real;
        this.dataplane = dataplane;
        this.ipam = ipam;
        this.history = history;
        this.inspect = inspect;
        this.server = server;
        this.views = views;
        this.store = store;
        this.kernel = kernel;
        this.ownership = ownership;
        this.driverState = driverState;
        this.stateDir = stateDir;
    }

    /** Builds and starts everything; skips the test without root (fails it under {@code CI=true}). */
    static FuzzedDaemon start() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "mdnpt-fuzz-");
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            PrivateNetns netns = PrivateNetns.create();
            opened.add(netns);
            netns.rtnl().links().setUp("lo"); // as on any host: 127.0.0.1 exists, published ports may bind it
            ObjectMapper mapper = JsonMappers.create();
            RequestHistory history = new RequestHistory(HISTORY);
            CallRecorder recorder = new CallRecorder(history, Clock.systemUTC());
            Path stateDir = dir.resolve("state");
            DurableState durable = DurableState.open(stateDir, mapper, Clock.systemUTC(), recorder::storeCommitted);
            opened.add(durable);
            Ownership ownership = Ownership.of(NAME);
            Firewall firewall = Firewall.iptables(NAME, netns.commandPrefix(), FIREWALL_TIMEOUT, CommandListener.NONE,
                    durable.scratchDirectory("firewall-tmp"));
            NetlinkDataplane real = netns.inside(() -> new NetlinkDataplane(netns.rtnl(), firewall, ownership));
            opened.add(real);
            CountingDataplane dataplane = new CountingDataplane(new InNamespaceDataplane(netns, real));
            DriverState driverState = durable.restored().driverState();
            StateEventJournal journal = new StateEventJournal(durable.driverJournal(), history.events(),
                    Clock.systemUTC(), durable.restored().networksCreatedAt());
            NetworkDriver driver = new NetworkDriver(driverState, dataplane, journal,
                    op -> recorder.kernelOp(new KernelOpRecord(op.operation(), op.target(),
                            op.took().toNanos() / 1_000, op.error())));
            IpamDriver ipam = new IpamDriver(DefaultPools.builtIn(), durable.ipamJournal(), durable.restored().ipam());
            driver.restoreKernel();
            PluginApi api = new PluginApi(driver, ipam, mapper, recorder);
            Path pluginSocket = dir.resolve("plugin.sock");
            InspectSources sources = new InspectSources(NAME, "fuzz", pluginSocket, stateDir, Instant.now(),
                    driverState, ipam, LinkSource.of(netns.rtnl(), ownership::owns), history, journal, driver::missingFirewallRules,
                    new FirewallDrift(history.events(), Clock.systemUTC()), SandboxLinks.netlink(),
                    NameLookup.NONE);
            InspectServer inspect = InspectServer.start(
                    InspectServerConfig.of(dir.resolve("inspect.sock"), "", null, GRACE), sources);
            opened.add(inspect);
            UnixSocketServer server = UnixSocketServer.start(new UnixSocketServerConfig(pluginSocket,
                    PosixFilePermissions.fromString("rw-------"), 1024, 1, 16, PeerPolicy.rootOnly(), GRACE),
                    api.handler());
            opened.add(server);
            StoreReader store = StoreReader.open(stateDir);
            opened.add(store);
            String netnsPath = netns.commandPrefix().get(1).substring("--net=".length());
            KernelView kernel = new KernelView(netns.rtnl(), ownership.doomedGroup(),
                    Path.of(netnsPath).getParent().getParent().resolve("net"));
            return new FuzzedDaemon(dir, netns, durable, real, dataplane, ipam, history, inspect, server,
                    new InspectViews(sources), store, kernel, ownership, driverState, stateDir);
        } catch (Exception | Error e) {
            for (int i = opened.size() - 1; i >= 0; i--) {
                try {
                    opened.get(i).close();
                } catch (Exception closing) {
                    e.addSuppressed(closing);
                }
            }
            deleteTree(dir);
            throw e;
        }
    }

    /** Returns the plugin socket. */
    Path socket() {
        return server.socketPath();
    }

    /** Returns the inspect socket. */
    Path inspectSocket() {
        return inspect.socketPath();
    }

    /** Returns the command prefix that runs a tool in the daemon's namespace. */
    List<String> commandPrefix() throws Exception {
        return netns.commandPrefix();
    }

    /** Returns how many dataplane calls that may change the kernel have started. */
    long kernelCalls() {
        return dataplane.kernelCalls();
    }

    /** Returns how many dataplane calls that may change firewall rules have started. */
    long firewallCalls() {
        return dataplane.firewallCalls();
    }

    /**
     * Returns the store and the {@code /v1} views of networks, endpoints and pools now, and the kernel now when
     * {@code readKernel}, else as last read (see {@link KernelView#read}).
     */
    SystemState state(boolean readKernel) throws SQLException, IOException {
        return new SystemState(store.rows(), viewRecords(false), kernel.read(readKernel));
    }

    /**
     * Returns {@link #state(boolean)} with {@code /v1/links} among the views; only when no link is doomed, since the view
     * shows a doomed link until the reaper deletes it.
     */
    SystemState settledState() throws SQLException, IOException {
        return new SystemState(store.rows(), viewRecords(true), kernel.read(true));
    }

    /** Returns every rule of both families. */
    List<String> firewall() throws Exception {
        return FirewallDump.read(netns.commandPrefix());
    }

    /** Returns true when no link waits in the daemon's doomed group. */
    boolean noDoomedLinks() {
        return netns.rtnl().links().list().stream().map(Link::group).noneMatch(g -> g == ownership.doomedGroup());
    }

    /**
     * Copies the store's files and notes the running daemon's networks, endpoints, pools and addresses, now, between
     * calls, when every commit is complete (the daemon's own files are never opened); the returned check then loads
     * the copy as the daemon does when it starts ({@link DurableState#open}) and returns what the loaded state lacks
     * or has more than the running daemon had, "" when a restart would see exactly the state the daemon answered
     * for. The check may run on another thread, while the daemon serves other calls, and deletes the copy.
     */
    Callable<String> restartCheck() throws IOException {
        Path copy = Files.createTempDirectory(dir, "restart-");
        for (String file : List.of("state.db", "state.db-wal")) {
            if (Files.exists(stateDir.resolve(file))) {
                Files.copy(stateDir.resolve(file), copy.resolve(file));
            }
        }
        IpamSnapshot snapshot = ipam.snapshot();
        List<Object> running = new ArrayList<>();
        running.addAll(sorted(driverState.networks()));
        running.addAll(sorted(driverState.endpoints()));
        running.addAll(sorted(snapshot.pools()));
        running.addAll(sorted(snapshot.addresses()));
        return () -> {
            try (DurableState reopened = DurableState.open(copy, JsonMappers.create(), Clock.systemUTC(),
                    nanos -> { })) {
                List<Object> restarted = new ArrayList<>();
                restarted.addAll(sorted(reopened.restored().driverState().networks()));
                restarted.addAll(sorted(reopened.restored().driverState().endpoints()));
                restarted.addAll(sorted(reopened.restored().ipam().pools()));
                restarted.addAll(sorted(reopened.restored().ipam().addresses()));
                return restarted.equals(running) ? "" : SystemState.diff(running.stream().map(String::valueOf)
                        .toList(), restarted.stream().map(String::valueOf).toList());
            } catch (RuntimeException e) {
                return "the store cannot be loaded: " + e;
            } finally {
                deleteTree(copy);
            }
        };
    }

    private static <T> List<T> sorted(List<T> records) {
        return records.stream().sorted(Comparator.comparing(String::valueOf)).toList();
    }

    /** Returns the calls the request history keeps, oldest first. */
    List<RequestRecord> history() {
        return history.latest(HISTORY);
    }

    /** Returns the IPAM's pools and addresses. */
    IpamSnapshot ipam() {
        return ipam.snapshot();
    }

    private List<Object> viewRecords(boolean withLinks) {
        List<Object> records = new ArrayList<>();
        records.addAll(views.networks());
        records.addAll(views.endpoints());
        records.addAll(views.pools());
        IpamSnapshot snapshot = ipam.snapshot();
        records.addAll(snapshot.pools());
        records.addAll(snapshot.addresses());
        if (withLinks) {
            records.addAll(views.links());
        }
        return records;
    }

    /** Stops serving, closes the dataplane (which deletes doomed links) and the store, drops the namespace. */
    @Override
    public void close() throws Exception {
        Exception failure = null;
        for (AutoCloseable service : List.<AutoCloseable>of(server, inspect, store, real, durable, netns)) {
            try {
                service.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        deleteTree(dir);
        if (failure != null) {
            throw failure;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
