package dev.mdnp.daemon;

import dev.mdnp.daemon.api.PluginApi;
import dev.mdnp.daemon.dataplane.NetlinkDataplane;
import dev.mdnp.daemon.dataplane.firewall.CommandListener;
import dev.mdnp.daemon.dataplane.firewall.Firewall;
import dev.mdnp.daemon.driver.DriverState;
import dev.mdnp.daemon.driver.NetworkDriver;
import dev.mdnp.daemon.ipam.IpamDriver;
import dev.mdnp.daemon.ipam.IpamJournal;
import dev.mdnp.daemon.ipam.IpamSnapshot;
import dev.mdnp.daemon.netlink.RtNetlink;
import dev.mdnp.daemon.transport.PeerPolicy;
import dev.mdnp.daemon.transport.UnixSocketServer;
import dev.mdnp.daemon.transport.UnixSocketServerConfig;
import dev.mdnp.model.json.JsonMappers;
import java.io.IOException;
import java.nio.file.attribute.PosixFilePermissions;
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

    private final RtNetlink rtnl;
    private final NetlinkDataplane dataplane;
    private final UnixSocketServer pluginServer;

    private Wiring(RtNetlink rtnl, NetlinkDataplane dataplane, UnixSocketServer pluginServer) {
        this.rtnl = rtnl;
        this.dataplane = dataplane;
        this.pluginServer = pluginServer;
    }

    /** Builds every service and starts serving the plugin API; the socket appears only once it serves. */
    static Wiring start(DaemonConfig config) throws IOException {
        RtNetlink rtnl = RtNetlink.open();
        Firewall firewall = Firewall.iptables(List.of(), FIREWALL_COMMAND_TIMEOUT, CommandListener.NONE);
        NetlinkDataplane dataplane = new NetlinkDataplane(rtnl, firewall);
        NetworkDriver driver = new NetworkDriver(new DriverState(), dataplane);
        IpamDriver ipam = new IpamDriver(config.defaultPools(), IpamJournal.NONE, IpamSnapshot.EMPTY);
        PluginApi api = new PluginApi(driver, ipam, JsonMappers.create());
        UnixSocketServerConfig serverConfig = new UnixSocketServerConfig(
                config.pluginSocket(),
                PosixFilePermissions.fromString("rw-------"),
                BACKLOG,
                IO_THREADS,
                WORKER_THREADS,
                PeerPolicy.rootOnly(),
                config.shutdownGrace());
        try {
            return new Wiring(rtnl, dataplane, UnixSocketServer.start(serverConfig, api.handler()));
        } catch (IOException | RuntimeException e) {
            dataplane.close();
            rtnl.close();
            throw e;
        }
    }

    /** Stops serving: the socket file goes first, then calls in flight finish, then everything closes. */
    @Override
    public void close() {
        pluginServer.close();
        dataplane.close();
        rtnl.close();
    }
}
