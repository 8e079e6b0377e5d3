package dev.mdnp.daemon.dataplane.firewall;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Docker host in miniature, each part a private namespace, for tests that send real traffic through mdnp's rules.
 *
 * <pre>
 *   a1 10.99.1.2 fd99:1::2 ─┐
 *   a2 10.99.1.3 fd99:1::3 ─┤ mdnpta 10.99.1.1 fd99:1::1 ┐
 *   b1 10.99.2.2 fd99:2::2 ── mdnptb 10.99.2.1 fd99:2::1 ┤ host ── mdnptup 198.51.100.1 2001:db8:1::1
 *                                                                    │
 *                                                         outside ── eth0 198.51.100.2 2001:db8:1::2
 * </pre>
 *
 * The host namespace is an {@link IptablesNamespace} with {@code FORWARD} policy {@code DROP} in both families (as
 * Docker leaves a host), forwarding on and {@code route_localnet} on {@code mdnpta} (as mdnp's dataplane sets it).
 * The containers route through their bridge's gateway; the outside has no route to the bridges' subnets, so a reply
 * reaches a container only when its traffic was masqueraded ({@link #routeOutsideToBridges} adds one, for routed
 * mode). Pings are one echo waiting a second, fetches are busybox {@code wget} bounded by {@code timeout}. Servers are
 * busybox {@code httpd} processes this object started and {@link #close() stops}; the namespaces belong to
 * {@link Namespaces}. Not thread-safe.
 */
final class TrafficTopology implements AutoCloseable {

    static final String HOST = "host";
    static final String OUTSIDE = "outside";
    static final String A1 = "a1";
    static final String A2 = "a2";
    static final String B1 = "b1";
    static final String BRIDGE_A = "mdnpta";
    static final String BRIDGE_B = "mdnptb";
    /** Bridge b named as Docker names a user network's bridge, so that mdnp's {@code br-+} rules match it. */
    static final String DOCKER_BRIDGE_B = "br-mdnptb";
    static final String HOST_V4 = "198.51.100.1";
    static final String HOST_V6 = "2001:db8:1::1";
    static final String OUTSIDE_V4 = "198.51.100.2";
    static final String OUTSIDE_V6 = "2001:db8:1::2";
    /** Longer than a neighbour entry's failing probe cycle (3 probes, 1 s apart) plus a ping. */
    static final Duration REACH = Duration.ofSeconds(15);

    private final Namespaces namespaces;
    private final String bridgeB;
    private final Map<String, String> netns = new LinkedHashMap<>();
    private final List<Process> servers = new ArrayList<>();
    private final Path www;

    private TrafficTopology(Namespaces namespaces, IptablesNamespace host, String bridgeB) {
        this.namespaces = namespaces;
        this.bridgeB = bridgeB;
        netns.put(HOST, host.name());
        for (String name : List.of(OUTSIDE, A1, A2, B1)) {
            netns.put(name, namespaces.create("-" + name));
        }
        try {
            www = Files.createTempDirectory("mdnptfw-www-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds the topology around {@code host}, whose firewall is still empty. */
    static TrafficTopology build(Namespaces namespaces, IptablesNamespace host) {
        return build(namespaces, host, BRIDGE_B);
    }

    /**
     * Builds the topology with bridge b as a network of Docker's own: named {@link #DOCKER_BRIDGE_B} and with the
     * rules Docker 26 gives a user network ({@code DOCKER-USER} with its {@code RETURN} first in {@code FORWARD}, then
     * the bridge's accepts, and its masquerade), in both families.
     */
    static TrafficTopology buildWithDockerNetwork(Namespaces namespaces, IptablesNamespace host) {
        TrafficTopology topology = build(namespaces, host, DOCKER_BRIDGE_B);
        for (IpFamily family : IpFamily.values()) {
            String subnet = family == IpFamily.IPV4 ? "10.99.2.0/24" : "fd99:2::/64";
            host.restore(family, """
                    *filter
                    :DOCKER-USER - [0:0]
                    -A DOCKER-USER -j RETURN
                    -A FORWARD -j DOCKER-USER
                    -A FORWARD -o BR -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
                    -A FORWARD -i BR ! -o BR -j ACCEPT
                    -A FORWARD -i BR -o BR -j ACCEPT
                    COMMIT
                    *nat
                    -A POSTROUTING -s SUBNET ! -o BR -j MASQUERADE
                    COMMIT
                    """.replace("BR", DOCKER_BRIDGE_B).replace("SUBNET", subnet));
        }
        return topology;
    }

    private static TrafficTopology build(Namespaces namespaces, IptablesNamespace host, String bridgeB) {
        TrafficTopology topology = new TrafficTopology(namespaces, host, bridgeB);
        try {
            topology.wire(host);
        } catch (RuntimeException | AssertionError e) {
            topology.close();
            throw e;
        }
        return topology;
    }

    private void wire(IptablesNamespace host) {
        String h = netns.get(HOST);
        for (IpFamily family : IpFamily.values()) {
            host.iptables(family, "-P", "FORWARD", "DROP");
        }
        ip(h, "link", "set", "lo", "up");
        ip(h, "link", "add", "mdnptup", "type", "veth", "peer", "name", "eth0", "netns", netns.get(OUTSIDE));
        address(h, "mdnptup", HOST_V4 + "/24", HOST_V6 + "/64");
        address(netns.get(OUTSIDE), "eth0", OUTSIDE_V4 + "/24", OUTSIDE_V6 + "/64");
        bridge(BRIDGE_A, "10.99.1.1/24", "fd99:1::1/64");
        bridge(bridgeB, "10.99.2.1/24", "fd99:2::1/64");
        container(A1, BRIDGE_A, "10.99.1.2/24", "fd99:1::2/64", "10.99.1.1", "fd99:1::1");
        container(A2, BRIDGE_A, "10.99.1.3/24", "fd99:1::3/64", "10.99.1.1", "fd99:1::1");
        container(B1, bridgeB, "10.99.2.2/24", "fd99:2::2/64", "10.99.2.1", "fd99:2::1");
        run(HOST, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1",
                "net.ipv4.conf." + BRIDGE_A + ".route_localnet=1");
    }

    /** Gives the outside a route to both bridges' subnets through the host, as a routed-mode network needs. */
    void routeOutsideToBridges() {
        String out = netns.get(OUTSIDE);
        ip(out, "route", "add", "10.99.0.0/16", "via", HOST_V4);
        ip(out, "-6", "route", "add", "fd99::/16", "via", HOST_V6);
    }

    /** Starts an HTTP server in {@code container} on {@code port} that answers with the container's name. */
    void serve(String container, int port) {
        try {
            Path dir = Files.createDirectories(www.resolve(container));
            Files.writeString(dir.resolve("index.html"), container, StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(Namespaces.prefix(netns.get(container)));
            command.addAll(List.of("busybox", "httpd", "-f", "-p", Integer.toString(port), "-h", dir.toString()));
            servers.add(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await().atMost(REACH).until(() -> fetch(container, "127.0.0.1", port).isPresent());
    }

    /** Pings {@code address} from {@code from}: one echo, a second to answer. */
    boolean ping(String from, String address) {
        return Namespaces.hostRunner().run(command(from, "busybox", "ping", "-c", "1", "-W", "1", address), "")
                .succeeded();
    }

    /** Waits until {@code address} answers a ping from {@code from}; fails after {@link #REACH}. */
    void awaitPing(String from, String address) {
        await(from + " pings " + address).atMost(REACH).until(() -> ping(from, address));
    }

    /**
     * Returns what {@code http://address:port/} answers to {@code from}, or empty when nothing answers in 3 s (bounded
     * by {@code timeout}: busybox 1.35's {@code wget -T} crashes).
     */
    Optional<String> fetch(String from, String address, int port) {
        String host = address.contains(":") ? "[" + address + "]" : address;
        CommandResult result = Namespaces.hostRunner().run(command(from, "timeout", "3", "busybox", "wget", "-q",
                "-O", "-", "http://" + host + ":" + port + "/"), "");
        return result.succeeded() ? Optional.of(result.stdout().strip()) : Optional.empty();
    }

    /** Waits until {@code from} fetches {@code expected} from {@code address:port}; fails after {@link #REACH}. */
    void awaitFetch(String from, String address, int port, String expected) {
        await(from + " fetches " + expected + " from " + address + ":" + port).atMost(REACH)
                .until(() -> fetch(from, address, port).filter(expected::equals).isPresent());
    }

    /** Stops the servers and deletes their files. */
    @Override
    public void close() {
        for (Process server : servers) {
            server.destroyForcibly();
            try {
                server.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        servers.clear();
        try (Stream<Path> files = Files.walk(www)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void bridge(String name, String ipv4, String ipv6) {
        String h = netns.get(HOST);
        ip(h, "link", "add", name, "type", "bridge");
        address(h, name, ipv4, ipv6);
    }

    private void container(String name, String bridge, String ipv4, String ipv6, String gateway4, String gateway6) {
        String h = netns.get(HOST);
        String c = netns.get(name);
        String port = "mdnptv" + name;
        ip(h, "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", c);
        ip(h, "link", "set", port, "master", bridge, "up");
        address(c, "eth0", ipv4, ipv6);
        ip(c, "link", "set", "lo", "up");
        ip(c, "route", "add", "default", "via", gateway4);
        ip(c, "-6", "route", "add", "default", "via", gateway6);
    }

    private void address(String ns, String link, String ipv4, String ipv6) {
        ip(ns, "addr", "add", ipv4, "dev", link);
        ip(ns, "-6", "addr", "add", ipv6, "dev", link, "nodad");
        ip(ns, "link", "set", link, "up");
    }

    private void ip(String ns, String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "-n", ns));
        command.addAll(List.of(args));
        namespaces.host(command.toArray(String[]::new));
    }

    private void run(String where, String... args) {
        namespaces.host(command(where, args).toArray(String[]::new));
    }

    private List<String> command(String where, String... args) {
        List<String> command = new ArrayList<>(Namespaces.prefix(netns.get(where)));
        command.addAll(List.of(args));
        return command;
    }
}
