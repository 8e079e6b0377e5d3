package dev.mdnp.inspector.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.daemon.crash.NamedNetns;
import dev.mdnp.daemon.crash.PluginCalls;
import dev.mdnp.daemon.crash.Subnet;
import dev.mdnp.daemon.testsupport.DaemonProcess;
import dev.mdnp.daemon.testsupport.Privilege;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A real mdnp daemon for the inspector's tests: started as a process in a network namespace of its own
 * ({@code mdnp-gui-…}), with its plugin and inspect sockets in a temporary directory, and fed with the calls Docker
 * would send ({@link PluginCalls}) — no Docker engine needed. Closing it stops the daemon and deletes the namespace
 * and the directory, with every link in them.
 */
public final class LiveDaemon implements AutoCloseable {

    private static final String RECORD_FILE = "session.ndjson";

    private final NamedNetns netns;
    private final Path dir;
    private final ObjectMapper json = new ObjectMapper();
    private DaemonProcess daemon;

    private LiveDaemon(NamedNetns netns, Path dir, DaemonProcess daemon) {
        this.netns = netns;
        this.dir = dir;
        this.daemon = daemon;
    }

    /** Starts a daemon; skips the test (fails it under {@code CI=true}) when not run as root. */
    public static LiveDaemon start() throws Exception {
        return start(false);
    }

    /** Starts a daemon that also records every call to {@link #recordFile()} ({@code --record}). */
    public static LiveDaemon startRecording() throws Exception {
        return start(true);
    }

    private static LiveDaemon start(boolean recording) throws Exception {
        Privilege.require(Privilege.isRoot(), "the inspector's live tests start a daemon in a namespace: run as root");
        NamedNetns netns = NamedNetns.create(String.format("mdnp-gui-%08x", new Random().nextInt()));
        Path dir = Files.createTempDirectory("mdnp-gui-");
        try {
            Files.createDirectories(dir.resolve("plugins"));
            List<String> extraArgs = recording ? List.of("--record", dir.resolve(RECORD_FILE).toString()) : List.of();
            DaemonProcess daemon = DaemonProcess.start(new DaemonProcess.Launch("mdnpgui", dir.resolve("plugins"),
                    dir, netns.wrapper(), extraArgs));
            return new LiveDaemon(netns, dir, daemon);
        } catch (Exception | Error e) {
            netns.close();
            deleteTree(dir);
            throw e;
        }
    }

    /** Returns the daemon's inspect socket. */
    public Path inspectSocket() {
        return daemon.launch().inspectSocket();
    }

    /** Returns the daemon's plugin socket. */
    public Path pluginSocket() {
        return daemon.socket();
    }

    /** Returns the file a daemon started with {@link #startRecording()} records its calls to. */
    public Path recordFile() {
        return dir.resolve(RECORD_FILE);
    }

    /** Opens a connection to the plugin socket for calls as Docker sends them. */
    public PluginCalls calls() throws IOException {
        return PluginCalls.connect(daemon.socket(), json);
    }

    /**
     * Creates a network as {@code docker network create -d mdnp --ipam-driver mdnp --subnet SUBNET} does, with one
     * container on it as {@code docker run} does: the pool, the gateway, the network, an address, the endpoint and
     * the join.
     *
     * @return the endpoint's address, bare
     */
    public String networkWithContainer(String networkId, String subnetCidr, String endpointId) throws IOException {
        try (PluginCalls calls = calls()) {
            String space = calls.localAddressSpace();
            Subnet subnet = Subnet.parse(subnetCidr);
            String pool = calls.requestPool(space, subnet);
            String gateway = calls.requestGateway(pool, ""); // the IPAM's choice
            calls.createNetwork(networkId, space, subnet, gateway);
            String address = calls.requestAddress(pool, "");
            calls.createEndpoint(networkId, endpointId, subnet.withPrefix(address));
            calls.join(networkId, endpointId);
            return address;
        }
    }

    /** Kills the daemon (SIGKILL) and starts it again in the same namespace, with the same state. */
    public void restart() throws Exception {
        daemon.kill();
        daemon = daemon.restart();
    }

    /** Returns everything the daemon logged, for failure messages. */
    public String log() throws IOException {
        return daemon.log();
    }

    @Override
    public void close() throws IOException {
        try {
            daemon.close();
            netns.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the daemon in " + netns.name(), e);
        } finally {
            deleteTree(dir);
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
