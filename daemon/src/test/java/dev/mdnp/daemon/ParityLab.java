package dev.mdnp.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.daemon.testsupport.DockerCli;
import dev.mdnp.daemon.testsupport.E2ePlugin;
import dev.mdnp.daemon.testsupport.HostCommand;
import dev.mdnp.daemon.testsupport.HostFirewall;
import dev.mdnp.daemon.testsupport.HostSnapshot;
import dev.mdnp.daemon.testsupport.NetworkKind;
import dev.mdnp.daemon.testsupport.OutsideHost;
import dev.mdnp.daemon.testsupport.PerlSockets;
import dev.mdnp.daemon.testsupport.UnixHttpClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the parity tests do with networks of both kinds: create them, start servers and clients on them, and probe
 * with bounded clients from containers, from the host and from the {@link OutsideHost}. Every probe returns its
 * outcome in words ({@code "answered REPLY"} or {@link #NO_ANSWER}), so that parity tables compare them as they are.
 *
 * <p>A server is a busybox container whose {@code nc} answers a word of the test's on port {@link #PORT} and, never
 * published, on {@link #UNPUBLISHED_PORT}; a client sleeps. Clients give up after 2 s, so a dropped packet costs 2 s.
 */
final class ParityLab implements AutoCloseable {

    /** The port servers answer on, the one tests publish. */
    static final int PORT = 80;
    /** A port servers also answer on, which no test publishes. */
    static final int UNPUBLISHED_PORT = 81;
    /** The outcome of a probe that got no reply within its 2 s. */
    static final String NO_ANSWER = "no answer";

    private static final int CLIENT_SECONDS = 2;
    private static final Duration SERVING = Duration.ofSeconds(20);
    private static final Duration LEFTOVERS_GONE = Duration.ofSeconds(20);

    private final E2ePlugin plugin;
    private final List<HostCommand.Background> backgrounds = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    ParityLab(E2ePlugin plugin) {
        this.plugin = plugin;
    }

    /**
     * A network of one kind.
     *
     * @param name its Docker name
     * @param kind its driver
     * @param subnet its IPv4 subnet, a /24
     */
    record Net(String name, NetworkKind kind, String subnet) {

        /** Returns the gateway Docker's IPAM gives it: the subnet's first address. */
        String gateway() {
            return subnet.replaceAll("\\.0/24$", ".1");
        }
    }

    /** Something set up once per kind. */
    @FunctionalInterface
    interface PerKind<T> {

        /** Sets it up on the networks of {@code kind} and returns what the test needs of it. */
        T apply(NetworkKind kind) throws Exception;
    }

    /**
     * Sets up both kinds at once ({@code docker network create} and {@code docker run} take a while each) and returns
     * what each gave; fails with the first failure.
     */
    static <T> Map<NetworkKind, T> perKind(PerKind<T> setup) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(NetworkKind.values().length);
        try {
            Map<NetworkKind, Future<T>> futures = new EnumMap<>(NetworkKind.class);
            for (NetworkKind kind : NetworkKind.values()) {
                futures.put(kind, pool.submit(() -> setup.apply(kind)));
            }
            Map<NetworkKind, T> results = new EnumMap<>(NetworkKind.class);
            for (Map.Entry<NetworkKind, Future<T>> future : futures.entrySet()) {
                try {
                    results.put(future.getKey(), future.getValue().get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Exception cause) {
                        throw cause;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw e;
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Creates a network of {@code kind} on its subnet number {@code n}, with {@code options}; removed after the test. */
    Net network(NetworkKind kind, int n, String... options) throws Exception {
        String subnet = kind.subnet(n);
        List<String> args = new ArrayList<>(List.of("--subnet", subnet));
        args.addAll(Arrays.asList(options));
        String[] all = args.toArray(String[]::new);
        String name = kind == NetworkKind.MDNP ? plugin.network(all) : plugin.builtInNetwork(all);
        return new Net(name, kind, subnet);
    }

    /**
     * Starts a server on {@code net} that answers {@code reply}, with further {@code docker run} options (such as
     * {@code -p}), and waits until it serves.
     */
    String server(Net net, String reply, String... options) throws Exception {
        E2ePlugin.Run run = plugin.runContainer(net.name(), Arrays.asList(options), serverCommand(reply));
        assertThat(run.result().exitCode()).as("docker run of server %s on %s: %s", reply, net.name(),
                run.result().err()).isZero();
        awaitServing(run.name(), reply);
        return run.name();
    }

    /** Runs {@code docker run} of a server, which may fail (a port taken), and returns what it gave. */
    E2ePlugin.Run tryServer(Net net, String reply, String... options) throws Exception {
        return plugin.runContainer(net.name(), Arrays.asList(options), serverCommand(reply));
    }

    private static List<String> serverCommand(String reply) {
        return List.of("sh", "-c", "nc -ll -p " + UNPUBLISHED_PORT + " -e echo " + reply + " & exec nc -ll -p "
                + PORT + " -e echo " + reply);
    }

    /** Waits until {@code server} answers {@code reply} on its own loopback (after a start or a restart). */
    void awaitServing(String server, String reply) {
        await("server " + server + " answering").atMost(SERVING).pollInterval(Duration.ofMillis(200))
                .until(() -> docker().run("exec", server, "nc", "-w", "1", "127.0.0.1", Integer.toString(PORT))
                        .out().contains(reply));
    }

    /** Starts a client (a sleeping container) on {@code net}, with further {@code docker run} options. */
    String client(Net net, String... options) throws Exception {
        return plugin.container(net.name(), options);
    }

    /** Connects {@code container} to {@code net} as well ({@code docker network connect}). */
    void connect(Net net, String container) throws Exception {
        docker().ok("network", "connect", net.name(), container);
    }

    /** Returns the IPv4 address of {@code container} on {@code net}. */
    String address(String container, Net net) throws Exception {
        String address = docker().ok("inspect", "--format",
                "{{(index .NetworkSettings.Networks \"" + net.name() + "\").IPAddress}}", container);
        assertThat(address).as("address of %s on %s", container, net.name()).isNotEmpty();
        return address;
    }

    /** Returns the address of {@code container} in the first network it is on (for one on a single network). */
    String address(String container) throws Exception {
        return docker().ok("inspect", "--format",
                "{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}", container).split(" ")[0];
    }

    /** Connects from {@code container} to {@code address:port} with busybox nc and says what came back. */
    String tcp(String container, String address, int port) throws Exception {
        DockerCli.Result result = docker().run("exec", container, "nc", "-w", Integer.toString(CLIENT_SECONDS),
                address, Integer.toString(port));
        return answer(result.out());
    }

    /**
     * Pings {@code address} from {@code container}: answered when one of up to 3 echo requests is (busybox sends the
     * next as soon as a reply came, {@code -A}). One request alone lost its only packet once in CI for an mdnp
     * container while TCP to the same host answered right after, and passed 3 reruns: one packet is not a verdict.
     */
    String ping(String container, String address) throws Exception {
        DockerCli.Result result = docker().run("exec", container, "ping", "-c", "3", "-A", "-W",
                Integer.toString(CLIENT_SECONDS), address);
        return result.exitCode() == 0 ? "answered" : NO_ANSWER;
    }

    /** Connects from the host itself (this JVM) to {@code address:port} and says what came back. */
    static String hostTcp(String address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), CLIENT_SECONDS * 1000);
            socket.setSoTimeout(CLIENT_SECONDS * 1000);
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String line = reader.readLine();
            return line == null ? NO_ANSWER : answer(line);
        } catch (IOException e) {
            return NO_ANSWER;
        }
    }

    /** Sends a UDP datagram from the host itself to {@code address:port} and says what came back. */
    static String hostUdp(String address, int port) throws IOException, InterruptedException {
        return answer(HostCommand.run(Duration.ofSeconds(10), PerlSockets.udpClient(address, port, CLIENT_SECONDS))
                .out());
    }

    /** Connects from the outside host to {@code address:port} and says what came back. */
    static String outsideTcp(OutsideHost outside, String address, int port) throws Exception {
        return answer(outside.tcp(address, port));
    }

    /** Sends a UDP datagram from the outside host to {@code address:port} and says what came back. */
    static String outsideUdp(OutsideHost outside, String address, int port) throws Exception {
        return answer(outside.udp(address, port));
    }

    /** The outcome of a probe whose server sent {@code reply}. */
    static String answered(String reply) {
        return "answered " + reply;
    }

    private static String answer(String out) {
        String reply = out.strip();
        return reply.isEmpty() ? NO_ANSWER : answered(reply);
    }

    /**
     * Starts a UDP server on {@code port} in the network namespace of {@code container} (busybox has no UDP server,
     * so it is Perl from the host, run through {@code nsenter}); it answers {@code reply} and ends after the test.
     */
    void udpServer(String container, int port, String reply) throws Exception {
        String pid = docker().ok("inspect", "--format", "{{.State.Pid}}", container);
        List<String> command = new ArrayList<>(List.of("nsenter", "-t", pid, "-n"));
        command.addAll(PerlSockets.udpEcho("0.0.0.0", port, reply));
        HostCommand.Background server = HostCommand.start(command);
        backgrounds.add(server);
        server.awaitLine("listening"::equals, SERVING);
    }

    /**
     * Returns the host port a container's {@code containerPort/tcp} was published on: from mdnp through the plugin's
     * {@code EndpointOperInfo} (Docker cannot show a remote driver's ports), from the built-in driver through
     * {@code docker port}.
     */
    int publishedPort(Net net, String container, int containerPort) throws Exception {
        if (net.kind() == NetworkKind.BRIDGE) {
            String ports = docker().ok("port", container, containerPort + "/tcp");
            return Integer.parseInt(ports.lines().filter(line -> line.startsWith("0.0.0.0:")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no IPv4 port in: " + ports)).substring(8));
        }
        String networkId = docker().ok("network", "inspect", "--format", "{{.Id}}", net.name());
        String endpointId = docker().ok("inspect", "--format",
                "{{(index .NetworkSettings.Networks \"" + net.name() + "\").EndpointID}}", container);
        String body = json.writeValueAsString(Map.of("NetworkID", networkId, "EndpointID", endpointId));
        try (UnixHttpClient client = UnixHttpClient.connect(plugin.daemon().socket())) {
            UnixHttpClient.Reply reply = client.post("/NetworkDriver.EndpointOperInfo", body);
            assertThat(reply.status()).as("EndpointOperInfo: %s", reply.body()).isEqualTo(200);
            for (JsonNode binding : json.readTree(reply.body()).path("Value").path("com.docker.network.portmap")) {
                if (binding.path("Port").asInt() == containerPort && binding.path("Proto").asInt() == 6) {
                    return binding.path("HostPort").asInt();
                }
            }
            throw new IllegalStateException("no tcp port " + containerPort + " in EndpointOperInfo: " + reply.body());
        }
    }

    /** Returns whether the private engine is Docker {@code major.minor} or later. */
    boolean engineAtLeast(int major, int minor) throws Exception {
        String[] version = docker().ok("version", "--format", "{{.Server.Version}}").split("[.+-]");
        int engineMajor = Integer.parseInt(version[0]);
        int engineMinor = Integer.parseInt(version[1]);
        return engineMajor > major || engineMajor == major && engineMinor >= minor;
    }

    /**
     * Removes every container and network of the test, then waits until the host has no link or namespace that was
     * not there before and no rule of an mdnp network is left.
     */
    void assertNothingLeftSince(HostSnapshot before) throws Exception {
        close();
        plugin.removeAll();
        await("no link, namespace or mdnp rule left").atMost(LEFTOVERS_GONE).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    HostSnapshot now = HostSnapshot.take();
                    assertThat(now.links()).as("links").isEqualTo(before.links());
                    assertThat(now.namespaces()).as("network namespaces").isEqualTo(before.namespaces());
                    assertThat(HostFirewall.networkRules()).as("rules of mdnp networks").isEmpty();
                });
    }

    /** Stops the UDP servers started in containers. */
    @Override
    public void close() throws InterruptedException {
        for (HostCommand.Background background : backgrounds) {
            background.close();
        }
        backgrounds.clear();
    }

    private DockerCli docker() {
        return plugin.docker();
    }
}
