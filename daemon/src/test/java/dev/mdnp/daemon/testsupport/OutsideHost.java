package dev.mdnp.daemon.testsupport;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Another host on the network, owned by the test: a network namespace joined to the host by a veth pair, with
 * TEST-NET-2 addresses (198.51.100.0/24; the machine's own eth0 is in TEST-NET-1) and, unless a test adds one, no
 * route to any container subnet. So a reply reaches a container only if the container's traffic was masqueraded to
 * the host's address on that veth, as a real upstream host that knows nothing of Docker behaves. The namespace is
 * {@code mdnpt-out-ID}, the host's end of the veth {@code outmdnptID}.
 *
 * <p>A static JUnit extension: created before the test class, removed after it (also when it fails), and the routes,
 * listeners and packet counters a test added are removed after each test. Ones a killed test JVM left are removed
 * before a new one is made. Clients and listeners in it are bounded: a client gives
 * up after 2 s, a listener ends with the test or after 300 s.
 */
public final class OutsideHost implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    /** The host's address on the veth: the address masqueraded traffic comes from, and the outside's way in. */
    public static final String HOST_SIDE = "198.51.100.1";
    /** The outside host's address. */
    public static final String ADDRESS = "198.51.100.2";

    private static final String NAMESPACE_PREFIX = "mdnpt-out-";
    /**
     * Not {@code mdnp...}: mdnp claims every host link whose name starts with {@code mdnp} and deletes the ones it
     * does not know when it starts, which would take the outside host away from under the test.
     */
    private static final String HOST_LINK_PREFIX = "outmdnpt";
    private static final String BUSYBOX = "/bin/busybox";
    private static final int CLIENT_SECONDS = 2;
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(15);
    private static final Pattern COUNTER = Pattern.compile("^\\s*(\\d+)\\s+\\d+\\s+.*/\\* (mdnpt-count \\S+) \\*/");

    private final String id = E2ePlugin.randomHex(3);
    private final String namespace = NAMESPACE_PREFIX + id;
    private final List<String> routes = new CopyOnWriteArrayList<>();
    private final List<HostCommand.Background> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Privilege.require(Privilege.isRoot(), "the outside host of end-to-end tests needs root");
        removeLeftovers();
        String hostLink = HOST_LINK_PREFIX + id;
        String outsideLink = "mdnpti" + id;
        HostCommand.ok("ip", "netns", "add", namespace);
        try {
            HostCommand.ok("ip", "link", "add", hostLink, "type", "veth", "peer", "name", outsideLink);
            HostCommand.ok("ip", "link", "set", outsideLink, "netns", namespace);
            HostCommand.ok("ip", "addr", "add", HOST_SIDE + "/24", "dev", hostLink);
            HostCommand.ok("ip", "link", "set", hostLink, "up");
            HostCommand.ok("ip", "-n", namespace, "addr", "add", ADDRESS + "/24", "dev", outsideLink);
            HostCommand.ok("ip", "-n", namespace, "link", "set", outsideLink, "up");
            HostCommand.ok("ip", "-n", namespace, "link", "set", "lo", "up");
        } catch (IOException | InterruptedException | RuntimeException e) {
            remove();
            throw e;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (HostCommand.Background listener : listeners) {
            listener.close();
        }
        listeners.clear();
        for (String subnet : routes) {
            HostCommand.ok("ip", "-n", namespace, "route", "del", subnet);
        }
        routes.clear();
        inside("iptables", "-w", "-F", "INPUT");
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        remove();
    }

    /** Returns the namespace's name, so that a test can tell it from namespaces others left. */
    public String namespace() {
        return namespace;
    }

    /**
     * Adds a route to {@code subnet} through the host, as an upstream router of a routed network would have; removed
     * after the test.
     */
    public void routeTo(String subnet) throws IOException, InterruptedException {
        HostCommand.ok("ip", "-n", namespace, "route", "add", subnet, "via", HOST_SIDE);
        routes.add(subnet);
    }

    /** Connects to {@code address:port} with busybox nc (2 s) and returns what the server sent, or "". */
    public String tcp(String address, int port) throws IOException, InterruptedException {
        return insideBounded(BUSYBOX, "nc", "-w", Integer.toString(CLIENT_SECONDS), address, Integer.toString(port))
                .out();
    }

    /** Sends one UDP datagram to {@code address:port} and returns the reply that came within 2 s, or "". */
    public String udp(String address, int port) throws IOException, InterruptedException {
        return insideBounded(PerlSockets.udpClient(address, port, CLIENT_SECONDS).toArray(String[]::new)).out();
    }

    /** Pings {@code address} once (2 s) and returns whether the reply came. */
    public boolean ping(String address) throws IOException, InterruptedException {
        return insideBounded(BUSYBOX, "ping", "-c", "1", "-W", Integer.toString(CLIENT_SECONDS), address)
                .exitCode() == 0;
    }

    /**
     * Starts a TCP listener on the outside host's address that answers {@code reply} and reports each peer; it ends
     * after the test.
     */
    public HostCommand.Background listen(int port, String reply) throws IOException {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        command.addAll(PerlSockets.tcpListener(ADDRESS, port, reply));
        HostCommand.Background listener = HostCommand.start(command);
        listeners.add(listener);
        listener.awaitLine("listening"::equals, COMMAND_TIMEOUT);
        return listener;
    }

    /**
     * Starts counting the packets that arrive at the outside host from {@code source} (a rule in its own INPUT
     * chain, removed after the test), to tell what a packet's source was when no reply can say it.
     */
    public void countFrom(String source) throws IOException, InterruptedException {
        inside("iptables", "-w", "-A", "INPUT", "-s", source, "-m", "comment", "--comment", counterName(source),
                "-j", "ACCEPT");
    }

    /** Returns how many packets from {@code source} arrived since {@link #countFrom} was called for it. */
    public long packetsFrom(String source) throws IOException, InterruptedException {
        String listing = inside("iptables", "-w", "-n", "-v", "-x", "-L", "INPUT");
        for (String line : listing.split("\n")) {
            Matcher matcher = COUNTER.matcher(line);
            if (matcher.find() && matcher.group(2).equals(counterName(source))) {
                return Long.parseLong(matcher.group(1));
            }
        }
        throw new IllegalStateException("no counter for " + source + " in the outside host:\n" + listing);
    }

    private static String counterName(String source) {
        return "mdnpt-count " + source;
    }

    private String inside(String... command) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        all.addAll(List.of(command));
        return HostCommand.ok(all.toArray(String[]::new));
    }

    private HostCommand.Result insideBounded(String... command) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        all.addAll(List.of(command));
        return HostCommand.run(COMMAND_TIMEOUT, all);
    }

    /** Deleting the namespace deletes the outside end of the veth, and with it the host's end. */
    private void remove() throws IOException, InterruptedException {
        HostCommand.run(COMMAND_TIMEOUT, List.of("ip", "netns", "del", namespace));
        HostCommand.run(COMMAND_TIMEOUT, List.of("ip", "link", "del", HOST_LINK_PREFIX + id));
    }

    /** Removes outside hosts a killed test JVM left: they would hold the same addresses. */
    private static void removeLeftovers() throws IOException, InterruptedException {
        for (String line : HostCommand.ok("ip", "netns", "list").split("\n")) {
            String name = line.split(" ")[0];
            if (name.startsWith(NAMESPACE_PREFIX)) {
                HostCommand.ok("ip", "netns", "del", name);
            }
        }
        for (String link : HostLinks.names()) {
            if (link.startsWith(HOST_LINK_PREFIX)) {
                HostCommand.ok("ip", "link", "del", link);
            }
        }
    }
}
