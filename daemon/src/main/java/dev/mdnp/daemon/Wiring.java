package dev.mdnp.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.daemon.api.CallRecorder;
import dev.mdnp.daemon.api.PluginApi;
import dev.mdnp.daemon.api.RequestSink;
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
import dev.mdnp.daemon.inspect.LinkSource;
import dev.mdnp.daemon.inspect.NameEvents;
import dev.mdnp.daemon.inspect.RequestHistory;
import dev.mdnp.daemon.inspect.SandboxLinks;
import dev.mdnp.daemon.inspect.StateEventJournal;
import dev.mdnp.daemon.ipam.IpamDriver;
import dev.mdnp.daemon.names.KnownNames;
import dev.mdnp.daemon.names.NameWatcher;
import dev.mdnp.daemon.netlink.RtNetlink;
import dev.mdnp.daemon.persistence.DurableState;
import dev.mdnp.daemon.reconcile.FirewallRepair;
import dev.mdnp.daemon.reconcile.LazyDockerEngine;
import dev.mdnp.daemon.reconcile.OrphanCollector;
import dev.mdnp.daemon.transport.PeerPolicy;
import dev.mdnp.daemon.transport.UnixSocketServer;
import dev.mdnp.daemon.transport.UnixSocketServerConfig;
import dev.mdnp.model.inspect.KernelOpRecord;
import dev.mdnp.model.json.JsonMappers;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the daemon's services in dependency order, leaves first, and closes them in reverse. The only place that
 * constructs another package's services.
 */
final class Wiring implements AutoCloseable {

    private static final int BACKLOG = 1024;
    private static final int IO_THREADS = 1;
    private static final int WORKER_THREADS = 16;

    private static final Duration FIREWALL_COMMAND_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration DOCKER_API_TIMEOUT = Duration.ofSeconds(10);

    private final DurableState state;
    private final RtNetlink rtnl;
    private final NetlinkDataplane dataplane;
    private final LazyDockerEngine docker;
    private final UnixSocketServer pluginServer;
    private final InspectServer inspectServer;
    private final OrphanCollector orphans;
    private final FirewallRepair firewallRepair;
    private final NameWatcher names;

    private Wiring(DurableState state, RtNetlink rtnl, NetlinkDataplane dataplane, LazyDockerEngine docker,
            UnixSocketServer pluginServer, InspectServer inspectServer, OrphanCollector orphans,
            FirewallRepair firewallRepair, NameWatcher names) {
        this.state = state;
        this.rtnl = rtnl;
        this.dataplane = dataplane;
        this.docker = docker;
        this.pluginServer = pluginServer;
        this.inspectServer = inspectServer;
        this.orphans = orphans;
        this.firewallRepair = firewallRepair;
        this.names = names;
    }

    /**
     * Serves the plugin socket first, so that Docker's first call (Activate) is answered while the rest starts; then
     * builds every service, restores the recorded state into memory and the kernel, and opens the plugin API to the
     * calls that waited meanwhile. When the start fails, the waiting calls are refused and the socket is removed.
     */
    static Wiring start(DaemonConfig config) throws IOException {
        Instant startedAt = Instant.now();
        ObjectMapper mapper = JsonMappers.create();
        RequestHistory history = new RequestHistory(Math.max(1, config.inspect().history()));
        CallRecorder recorder = new CallRecorder(config.inspect().recording() ? history : RequestSink.NONE,
                Clock.systemUTC());
        PluginApi api = new PluginApi(mapper, recorder);
        UnixSocketServer server = UnixSocketServer.start(serverConfig(config), api.handler());
        try {
            return startBehind(config, startedAt, mapper, history, recorder, api, server);
        } catch (IOException | RuntimeException e) {
            api.fail(String.valueOf(e.getMessage()));
            closeAfter(server, e);
            throw e;
        }
    }

    private static Wiring startBehind(DaemonConfig config, Instant startedAt, ObjectMapper mapper,
            RequestHistory history, CallRecorder recorder, PluginApi api, UnixSocketServer server) throws IOException {
        DurableState state = DurableState.open(config.stateDir(), mapper, Clock.systemUTC(), recorder::storeCommitted);
        RtNetlink rtnl;
        try {
            rtnl = RtNetlink.open();
        } catch (RuntimeException e) {
            state.close();
            throw e;
        }
        Firewall firewall = Firewall.iptables(config.name(), List.of(), FIREWALL_COMMAND_TIMEOUT, CommandListener.NONE,
                state.scratchDirectory("firewall-tmp"));
        Ownership ownership = Ownership.of(config.name());
        NetlinkDataplane dataplane = new NetlinkDataplane(rtnl, firewall, ownership);
        List<AutoCloseable> started = new ArrayList<>();
        try {
            DriverState driverState = state.restored().driverState();
            StateEventJournal journal = new StateEventJournal(state.driverJournal(), history.events(),
                    Clock.systemUTC(), state.restored().networksCreatedAt());
            FirewallDrift firewallDrift = new FirewallDrift(history.events(), Clock.systemUTC());
            NameEvents nameEvents = new NameEvents(history.events());
            KnownNames knownNames = new KnownNames(nameEvents::networkNamed, nameEvents::containerNamed);
            NetworkDriver driver = new NetworkDriver(driverState, dataplane, journal,
                    op -> recorder.kernelOp(new KernelOpRecord(op.operation(), op.target(),
                            op.took().toNanos() / 1_000, op.error())));
            IpamDriver ipam = new IpamDriver(config.defaultPools(), state.ipamJournal(), state.restored().ipam());
            driver.restoreKernel();
            InspectServer inspect = InspectServer.start(
                    InspectServerConfig.of(config.inspect().socket(), config.inspect().group(),
                            config.inspect().recordFile().orElse(null), config.shutdownGrace()),
                    new InspectSources(config.name(), VersionProvider.version(), config.pluginSocket(),
                            config.stateDir(), startedAt, driverState, ipam, LinkSource.of(rtnl, ownership::owns),
                            history, journal, driver::missingFirewallRules, firewallDrift,
                            SandboxLinks.netlink(), knownNames));
            started.add(inspect);
            // After the inspect socket: the calls that waited, and every later one, are already visible there.
            api.open(driver, ipam);
            LazyDockerEngine docker = new LazyDockerEngine(config.dockerHost(), DOCKER_API_TIMEOUT);
            OrphanCollector orphans = new OrphanCollector(docker, config.driverName(), driverState, driver, ipam);
            orphans.start(config.reconcileInterval());
            started.add(orphans);
            FirewallRepair firewallRepair = new FirewallRepair(driver, firewallDrift::repaired);
            firewallRepair.start(config.reconcileInterval());
            // Its own engine client: the event stream holds a connection for as long as the daemon runs.
            NameWatcher names = NameWatcher.start(config.dockerHost(), DOCKER_API_TIMEOUT, config.driverName(),
                    knownNames);
            return new Wiring(state, rtnl, dataplane, docker, server, inspect, orphans, firewallRepair, names);
        } catch (IOException | RuntimeException e) {
            for (int i = started.size() - 1; i >= 0; i--) {
                closeAfter(started.get(i), e);
            }
            dataplane.close();
            rtnl.close();
            state.close();
            throw e;
        }
    }

    private static UnixSocketServerConfig serverConfig(DaemonConfig config) {
        return new UnixSocketServerConfig(
                config.pluginListen(),
                BACKLOG,
                IO_THREADS,
                WORKER_THREADS,
                PeerPolicy.rootOnly(),
                config.shutdownGrace());
    }

    private static void closeAfter(AutoCloseable service, Exception failure) {
        try {
            service.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    /** Stops serving: the socket file goes first, then calls in flight finish, then everything closes. */
    @Override
    public void close() {
        names.close();
        firewallRepair.close();
        orphans.close();
        docker.close();
        pluginServer.close();
        inspectServer.close();
        dataplane.close();
        rtnl.close();
        state.close();
    }
}
