package dev.mdnp.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.daemon.api.CallRecorder;
import dev.mdnp.daemon.api.PluginApi;
import dev.mdnp.daemon.api.RequestSink;
import dev.mdnp.daemon.dataplane.NetlinkDataplane;
import dev.mdnp.daemon.dataplane.firewall.CommandListener;
import dev.mdnp.daemon.dataplane.firewall.Firewall;
import dev.mdnp.daemon.driver.DriverState;
import dev.mdnp.daemon.driver.NetworkDriver;
import dev.mdnp.daemon.ipam.IpamDriver;
import dev.mdnp.daemon.persistence.DurableState;
import dev.mdnp.daemon.reconcile.OrphanCollector;
import dev.mdnp.daemon.netlink.RtNetlink;
import dev.mdnp.daemon.transport.PeerPolicy;
import dev.mdnp.daemon.transport.UnixSocketServer;
import dev.mdnp.daemon.transport.UnixSocketServerConfig;
import dev.mdnp.model.inspect.KernelOpRecord;
import dev.mdnp.model.json.JsonMappers;
import java.io.IOException;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
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
    private final OrphanCollector orphans;

    private Wiring(DurableState state, RtNetlink rtnl, NetlinkDataplane dataplane, LazyDockerEngine docker,
            UnixSocketServer pluginServer, OrphanCollector orphans) {
        this.state = state;
        this.rtnl = rtnl;
        this.dataplane = dataplane;
        this.docker = docker;
        this.pluginServer = pluginServer;
        this.orphans = orphans;
    }

    /**
     * Builds every service, restores the recorded state into memory and the kernel, and starts serving the plugin
     * API; the socket appears only once it serves.
     */
    static Wiring start(DaemonConfig config) throws IOException {
        ObjectMapper mapper = JsonMappers.create();
        CallRecorder recorder = new CallRecorder(RequestSink.NONE, Clock.systemUTC());
        DurableState state = DurableState.open(config.stateDir(), mapper, Clock.systemUTC(), recorder::storeCommitted);
        RtNetlink rtnl;
        try {
            rtnl = RtNetlink.open();
        } catch (RuntimeException e) {
            state.close();
            throw e;
        }
        Firewall firewall = Firewall.iptables(List.of(), FIREWALL_COMMAND_TIMEOUT, CommandListener.NONE);
        NetlinkDataplane dataplane = new NetlinkDataplane(rtnl, firewall);
        try {
            DriverState driverState = state.restored().driverState();
            NetworkDriver driver = new NetworkDriver(driverState, dataplane, state.driverJournal(),
                    op -> recorder.kernelOp(new KernelOpRecord(op.operation(), op.target(),
                            op.took().toNanos() / 1_000, op.error())));
            IpamDriver ipam = new IpamDriver(config.defaultPools(), state.ipamJournal(), state.restored().ipam());
            driver.restoreKernel();
            PluginApi api = new PluginApi(driver, ipam, mapper, recorder);
            UnixSocketServer server = UnixSocketServer.start(serverConfig(config), api.handler());
            LazyDockerEngine docker = new LazyDockerEngine(config.dockerHost(), DOCKER_API_TIMEOUT);
            OrphanCollector orphans = new OrphanCollector(docker, config.name(), driverState, driver, ipam);
            orphans.start(config.reconcileInterval());
            return new Wiring(state, rtnl, dataplane, docker, server, orphans);
        } catch (IOException | RuntimeException e) {
            dataplane.close();
            rtnl.close();
            state.close();
            throw e;
        }
    }

    private static UnixSocketServerConfig serverConfig(DaemonConfig config) {
        return new UnixSocketServerConfig(
                config.pluginSocket(),
                PosixFilePermissions.fromString("rw-------"),
                BACKLOG,
                IO_THREADS,
                WORKER_THREADS,
                PeerPolicy.rootOnly(),
                config.shutdownGrace());
    }

    /** Stops serving: the socket file goes first, then calls in flight finish, then everything closes. */
    @Override
    public void close() {
        orphans.close();
        docker.close();
        pluginServer.close();
        dataplane.close();
        rtnl.close();
        state.close();
    }
}
