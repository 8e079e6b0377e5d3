package dev.mdnp.daemon.inspect;

import dev.mdnp.daemon.dataplane.firewall.MissingRules;
import dev.mdnp.daemon.driver.DriverException;
import dev.mdnp.daemon.driver.DriverJournal;
import dev.mdnp.daemon.driver.DriverState;
import dev.mdnp.daemon.driver.NetworkDriver;
import dev.mdnp.daemon.ipam.IpamDriver;
import dev.mdnp.daemon.names.KnownNames;
import dev.mdnp.daemon.netlink.Link;
import dev.mdnp.daemon.netlink.LinkListener;
import dev.mdnp.daemon.testsupport.RecordingDataplane;
import dev.mdnp.daemon.testsupport.UnixHttpClient;
import dev.mdnp.model.cnm.CreateEndpointRequest;
import dev.mdnp.model.cnm.CreateNetworkRequest;
import dev.mdnp.model.cnm.EndpointInterface;
import dev.mdnp.model.cnm.IpamData;
import dev.mdnp.model.cnm.JoinRequest;
import dev.mdnp.model.cnm.OptionKeys;
import dev.mdnp.model.cnm.ProgramExternalConnectivityRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A real {@link InspectServer} on a socket in a temporary directory, over a real driver state (filled through a
 * {@link NetworkDriver} on a {@link RecordingDataplane}), a real IPAM and a stub kernel whose links and missing
 * firewall rules tests set.
 */
final class InspectFixture implements AutoCloseable {

    static final String NET = "8f6511a52af05c1be2fd2d903e6ef9d77decc288ddf48f97a22cb101232400a2";
    static final String NET2 = "3c0d1e1f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d";
    static final String EP = "e0b0a8e2947b04d75c24d44050aff50d943411ee11c51df70fddd4873345caed";
    static final String SANDBOX = "/var/run/docker/netns/6683905621ff";
    static final Instant STARTED = Instant.parse("2025-01-31T11:00:00Z");
    static final Instant NOW = Instant.parse("2025-01-31T12:00:00Z");

    final DriverState state = new DriverState();
    final RequestHistory history;
    final StateEventJournal journal;
    final Docker docker;
    final IpamDriver ipam = new IpamDriver();
    final StubLinkSource links = new StubLinkSource();
    final StubFirewallSource firewall = new StubFirewallSource();
    final StubSandboxLinks sandboxes = new StubSandboxLinks();
    /** Docker's names the inspect server shows; tests set them. */
    final KnownNames names = new KnownNames(networkId -> { }, endpointId -> { });
    /** The firewall repairs the inspect server shows; tests record repairs into it. */
    final FirewallDrift drift;
    final InspectServer server;

    private InspectFixture(Path dir, int historySize, @Nullable Path record) throws IOException {
        this(dir, historySize, record, null);
    }

    private InspectFixture(Path dir, int historySize, @Nullable Path record, @Nullable LinkSource kernel)
            throws IOException {
        history = new RequestHistory(historySize);
        journal = new StateEventJournal(DriverJournal.NONE, history.events(), InstantSource.fixed(NOW), Map.of());
        docker = new Docker(state, journal);
        drift = new FirewallDrift(history.events(), InstantSource.fixed(NOW));
        server = InspectServer.start(
                new InspectServerConfig(dir.resolve("inspect.sock"), "", record, 4096, 2, Duration.ofSeconds(5)),
                new InspectSources("mdnp", "0.1.0-test", dir.resolve("mdnp.sock"), dir, STARTED, state, ipam,
                        kernel == null ? links : kernel, history, journal, firewall, drift, sandboxes, names));
    }

    static InspectFixture start(Path dir) throws IOException {
        return new InspectFixture(dir, 10_000, null);
    }

    static InspectFixture start(Path dir, int historySize, @Nullable Path record) throws IOException {
        return new InspectFixture(dir, historySize, record);
    }

    /** Returns how many clients follow the event stream now. */
    int streamClients() {
        return server.streamClients();
    }

    /** Starts a server that reads links from a real kernel instead of the stub. */
    static InspectFixture start(Path dir, LinkSource kernel) throws IOException {
        return new InspectFixture(dir, 10_000, null, kernel);
    }

    Path socket() {
        return server.socketPath();
    }

    /** Sends one request on a new connection and reads the reply. */
    UnixHttpClient.Reply request(String method, String path) throws IOException {
        try (UnixHttpClient client = UnixHttpClient.connect(socket())) {
            return client.exchange(UnixHttpClient.request(method, path, new byte[0]));
        }
    }

    UnixHttpClient.Reply get(String path) throws IOException {
        return request("GET", path);
    }

    @Override
    public void close() {
        server.close();
    }

    /** Makes the driver calls Docker would make, through a real {@link NetworkDriver}. */
    static final class Docker {

        private final DriverState state;
        private final NetworkDriver driver;

        Docker(DriverState state) {
            this(state, DriverJournal.NONE);
        }

        Docker(DriverState state, DriverJournal journal) {
            this.state = state;
            this.driver = new NetworkDriver(state, new RecordingDataplane(), journal);
        }

        DriverState state() {
            return state;
        }

        NetworkDriver driver() {
            return driver;
        }

        /** Creates a network on 10.88.0.0/16 with MTU 1400. */
        void network(String networkId) {
            driver.createNetwork(new CreateNetworkRequest(networkId,
                    Map.of(OptionKeys.GENERIC, Map.of(OptionKeys.MTU, "1400")),
                    List.of(new IpamData("MdnpLocal", "10.88.0.0/16", "10.88.0.1/16", Map.of())), List.of()));
        }

        void endpoint(String networkId, String endpointId) {
            driver.createEndpoint(new CreateEndpointRequest(networkId, endpointId,
                    new EndpointInterface("10.88.0.2/16", "", "02:42:0a:58:00:02"), Map.of()));
        }

        /** Creates an endpoint with another address. */
        void endpoint(String networkId, String endpointId, String address) {
            driver.createEndpoint(new CreateEndpointRequest(networkId, endpointId,
                    new EndpointInterface(address, "", ""), Map.of()));
        }

        void join(String networkId, String endpointId) {
            driver.join(new JoinRequest(networkId, endpointId, SANDBOX, Map.of()));
        }

        /** Publishes {@code -p HOSTPORT:PORT/tcp} for each pair of ports (host port 0: the dataplane chooses). */
        void publish(String networkId, String endpointId, int... hostAndContainerPorts) {
            List<Map<String, Object>> portmap = new ArrayList<>();
            for (int i = 0; i < hostAndContainerPorts.length; i += 2) {
                portmap.add(Map.of("Proto", 6, "IP", "", "Port", hostAndContainerPorts[i + 1], "HostIP", "",
                        "HostPort", hostAndContainerPorts[i], "HostPortEnd", 0));
            }
            driver.programExternalConnectivity(new ProgramExternalConnectivityRequest(networkId, endpointId,
                    Map.of(OptionKeys.PORT_MAP, portmap)));
        }
    }

    /**
     * A firewall whose missing rules the test sets, or that fails as iptables does when it cannot list the tables;
     * it counts how often it was asked.
     */
    static final class StubFirewallSource implements FirewallSource {

        private volatile List<MissingRules> missing = List.of();
        private volatile @Nullable DriverException failure;
        private final AtomicInteger asked = new AtomicInteger();

        void set(List<MissingRules> missing) {
            this.missing = List.copyOf(missing);
        }

        void fail(DriverException failure) {
            this.failure = failure;
        }

        /** Returns how often the rules were asked for. */
        int asked() {
            return asked.get();
        }

        @Override
        public List<MissingRules> missingRules() {
            asked.incrementAndGet();
            DriverException failing = failure;
            if (failing != null) {
                throw failing;
            }
            return missing;
        }
    }

    /** A kernel whose links the test sets, and whose link events the test sends. */
    static final class StubLinkSource implements LinkSource {

        private volatile List<Link> links = List.of();
        private final List<LinkListener> listeners = new CopyOnWriteArrayList<>();

        void set(List<Link> links) {
            this.links = List.copyOf(links);
        }

        /** Returns the listeners watching now. */
        List<LinkListener> listeners() {
            return listeners;
        }

        @Override
        public List<Link> list() {
            return links;
        }

        @Override
        public Subscription watch(LinkListener listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }
    }
}
