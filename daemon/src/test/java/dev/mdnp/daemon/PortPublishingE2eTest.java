package dev.mdnp.daemon;

import static dev.mdnp.daemon.ParityLab.NO_ANSWER;
import static dev.mdnp.daemon.ParityLab.PORT;
import static dev.mdnp.daemon.ParityLab.answered;
import static dev.mdnp.daemon.ParityLab.hostTcp;
import static dev.mdnp.daemon.ParityLab.hostUdp;
import static dev.mdnp.daemon.ParityLab.outsideTcp;
import static dev.mdnp.daemon.ParityLab.outsideUdp;
import static dev.mdnp.daemon.ParityLab.perKind;
import static dev.mdnp.daemon.testsupport.NetworkKind.BRIDGE;
import static dev.mdnp.daemon.testsupport.NetworkKind.MDNP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.daemon.ParityLab.Net;
import dev.mdnp.daemon.testsupport.E2ePlugin;
import dev.mdnp.daemon.testsupport.HostAddress;
import dev.mdnp.daemon.testsupport.HostFirewall;
import dev.mdnp.daemon.testsupport.HostSnapshot;
import dev.mdnp.daemon.testsupport.NetworkKind;
import dev.mdnp.daemon.testsupport.OutsideHost;
import dev.mdnp.daemon.testsupport.ParityTable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 13's port publishing ({@code -p}) on an mdnp network and on a built-in bridge network side by side: who
 * reaches a published port (bridge-parity.md §3, §5), which host port {@code HostPort 0} and ranges get (§4), udp,
 * conflicts and their errors, and that nothing is left after {@code docker rm}; and that mdnp keeps a port published
 * across a crash. Host ports are fixed per test and kind, below the ephemeral range.
 */
@Tag("e2e")
class PortPublishingE2eTest {

    @RegisterExtension
    static final OutsideHost OUTSIDE = new OutsideHost();

    @RegisterExtension
    final E2ePlugin plugin = new E2ePlugin();

    private ParityLab lab;
    private ParityTable table;
    private HostSnapshot before;
    private String hostAddress;

    @BeforeEach
    void setUp(TestInfo test) throws Exception {
        before = HostSnapshot.take();
        lab = new ParityLab(plugin);
        table = new ParityTable(test.getDisplayName());
        hostAddress = HostAddress.primaryIpv4();
    }

    @AfterEach
    void nothingIsLeft() throws Exception {
        lab.assertNothingLeftSince(before);
    }

    /** The clients of one kind: one on the server's network, one on another network. */
    private record Clients(String sameNetwork, String otherNetwork) {
    }

    @Test
    void aPublishedPortAnswersFromOutsideFromTheHostFromItsOwnNetworkAndFromOtherNetworks() throws Exception {
        Map<NetworkKind, Integer> published = Map.of(MDNP, 18140, BRIDGE, 18141);
        Map<NetworkKind, Integer> loopbackOnly = Map.of(MDNP, 18142, BRIDGE, 18143);
        Map<NetworkKind, Clients> clients = perKind(kind -> {
            Net net = lab.network(kind, 20);
            lab.server(net, "web", "-p", published.get(kind) + ":" + PORT,
                    "-p", "127.0.0.1:" + loopbackOnly.get(kind) + ":" + PORT);
            return new Clients(lab.client(net), lab.client(lab.network(kind, 21)));
        });

        table.row("from the outside host, at the host's address", answered("web"), kind ->
                outsideTcp(OUTSIDE, OutsideHost.HOST_SIDE, published.get(kind)));
        table.row("from the host, at 127.0.0.1", answered("web"), kind ->
                hostTcp("127.0.0.1", published.get(kind)));
        table.row("from the host, at its own address", answered("web"), kind ->
                hostTcp(hostAddress, published.get(kind)));
        table.row("hairpin: from a container of the same network, at the host's address", answered("web"), kind ->
                lab.tcp(clients.get(kind).sameNetwork(), hostAddress, published.get(kind)));
        table.row("from a container on another network of the same driver, at the host's address",
                answered("web"), kind -> lab.tcp(clients.get(kind).otherNetwork(), hostAddress, published.get(kind)));
        table.row("from a container on a network of the other driver, at the host's address", answered("web"),
                kind -> lab.tcp(clients.get(kind.other()).otherNetwork(), hostAddress, published.get(kind)));
        table.row("-p 127.0.0.1:P:80 from the host, at 127.0.0.1", answered("web"), kind ->
                hostTcp("127.0.0.1", loopbackOnly.get(kind)));
        table.row("-p 127.0.0.1:P:80 from the host, at its own address", NO_ANSWER, kind ->
                hostTcp(hostAddress, loopbackOnly.get(kind)));
        table.row("-p 127.0.0.1:P:80 from the outside host, at the host's address", NO_ANSWER, kind ->
                outsideTcp(OUTSIDE, OutsideHost.HOST_SIDE, loopbackOnly.get(kind)));
        table.assertAsExpected();
    }

    /**
     * {@code HostPort 0} and ranges. Each kind gets ranges of its own: Docker 20.10 does not try another port of a
     * range when the proxy cannot bind the one its allocator chose, so two kinds sharing a range would fail each
     * other; and it is why, before Docker 26, a range whose first port a foreign listener holds fails on the bridge.
     */
    @Test
    void hostPortZeroAndRangesGetAFreePortThatAnswers() throws Exception {
        int[] ephemeral = ephemeralRange();
        boolean bridgeRetriesRanges = lab.engineAtLeast(26, 0);
        Map<NetworkKind, Integer> publishedRange = Map.of(MDNP, 18000, BRIDGE, 18020);
        Map<NetworkKind, Integer> listenedRange = Map.of(MDNP, 18040, BRIDGE, 18060);
        Net holders = lab.network(BRIDGE, 23);
        Map<NetworkKind, Net> nets = perKind(kind -> {
            lab.server(holders, "holder", "-p", publishedRange.get(kind) + ":" + PORT);
            return lab.network(kind, 22);
        });
        table.row("-p 80: a port of the ephemeral range that answers from outside",
                "answered web on an ephemeral port", kind -> {
                    String server = lab.server(nets.get(kind), "web", "-p", Integer.toString(PORT));
                    int port = lab.publishedPort(nets.get(kind), server, PORT);
                    boolean inRange = port >= ephemeral[0] && port <= ephemeral[1];
                    return outsideTcp(OUTSIDE, OutsideHost.HOST_SIDE, port)
                            + (inRange ? " on an ephemeral port" : " on port " + port);
                });
        table.row("-p F-(F+10):80, F published on a bridge network: another port of the range, answering",
                "answered web on a free port of the range", kind ->
                        inRange(nets.get(kind), publishedRange.get(kind)));
        try (ServerSocket first = listener(listenedRange.get(MDNP));
                ServerSocket second = listener(listenedRange.get(BRIDGE))) {
            String found = "answered web on a free port of the range";
            table.row("-p F-(F+10):80, F held by a listener: another port of the range, answering", found,
                    bridgeRetriesRanges ? found : "refused, naming the port", kind -> {
                        try {
                            return inRange(nets.get(kind), listenedRange.get(kind));
                        } catch (RunFailed e) {
                            return e.getMessage().contains(Integer.toString(listenedRange.get(kind)))
                                    ? "refused, naming the port" : "refused: " + e.getMessage();
                        }
                    });
        }
        table.assertAsExpected();
    }

    /** Publishes {@code first}-{@code first + 10} and says whether it answers on a free port of it. */
    private String inRange(Net net, int first) throws Exception {
        E2ePlugin.Run run = lab.tryServer(net, "web", "-p", first + "-" + (first + 10) + ":" + PORT);
        if (run.result().exitCode() != 0) {
            throw new RunFailed(run.result().err());
        }
        lab.awaitServing(run.name(), "web");
        int port = lab.publishedPort(net, run.name(), PORT);
        boolean inRange = port > first && port <= first + 10;
        return outsideTcp(OUTSIDE, OutsideHost.HOST_SIDE, port)
                + (inRange ? " on a free port of the range" : " on port " + port);
    }

    /** A {@code docker run} that failed, with what it printed. */
    private static final class RunFailed extends Exception {

        private static final long serialVersionUID = 1L;

        RunFailed(String message) {
            super(message);
        }
    }

    @Test
    void udpPortsArePublishedToo() throws Exception {
        Map<NetworkKind, Integer> published = Map.of(MDNP, 18150, BRIDGE, 18151);
        perKind(kind -> {
            String container = lab.client(lab.network(kind, 24), "-p", published.get(kind) + ":5353/udp");
            lab.udpServer(container, 5353, "udp-web");
            return container;
        });

        table.row("udp from the outside host, at the host's address", answered("udp-web"), kind ->
                outsideUdp(OUTSIDE, OutsideHost.HOST_SIDE, published.get(kind)));
        table.row("udp from the host, at its own address", answered("udp-web"), kind ->
                hostUdp(hostAddress, published.get(kind)));
        table.row("udp from the host, at 127.0.0.1", answered("udp-web"), kind ->
                hostUdp("127.0.0.1", published.get(kind)));
        table.assertAsExpected();
    }

    /**
     * A port held by a listener, one published on a built-in bridge network and one published on an mdnp network:
     * {@code docker run -p} of each fails on both kinds, naming the port, and leaves the holder alone.
     */
    @Test
    void aTakenHostPortFailsTheRunWithAnErrorNamingThePort() throws Exception {
        int byListener = 18160;
        Map<NetworkKind, Integer> byKind = Map.of(BRIDGE, 18161, MDNP, 18162);
        Map<NetworkKind, Net> nets = perKind(kind -> {
            Net net = lab.network(kind, 25);
            lab.server(net, "holder", "-p", byKind.get(kind) + ":" + PORT);
            return net;
        });
        try (ServerSocket held = listener(byListener)) {
            table.row("-p " + byListener + ":80, the port held by a listener", "refused, naming the port", kind ->
                    conflict(nets.get(kind), byListener));
            table.row("-p " + byKind.get(BRIDGE) + ":80, the port published on a bridge network",
                    "refused, naming the port", kind -> conflict(nets.get(kind), byKind.get(BRIDGE)));
            table.row("-p " + byKind.get(MDNP) + ":80, the port published on an mdnp network",
                    "refused, naming the port", kind -> conflict(nets.get(kind), byKind.get(MDNP)));
        }
        table.row("the port's first holder still answers from outside", answered("holder"), kind ->
                outsideTcp(OUTSIDE, OutsideHost.HOST_SIDE, byKind.get(kind)));
        table.assertAsExpected();
    }

    @Test
    void afterDockerRmNothingAnswersTheHostPortIsFreeAndNoRuleIsLeft() throws Exception {
        Map<NetworkKind, Integer> published = Map.of(MDNP, 18170, BRIDGE, 18171);
        Map<NetworkKind, String> servers = perKind(kind ->
                lab.server(lab.network(kind, 26), "web", "-p", published.get(kind) + ":" + PORT));

        table.row("before docker rm: the outside host reaches the port", answered("web"), kind ->
                outsideTcp(OUTSIDE, OutsideHost.HOST_SIDE, published.get(kind)));
        table.row("after docker rm -f: the outside host gets no answer", NO_ANSWER, kind -> {
            plugin.docker().ok("rm", "-f", servers.get(kind));
            return outsideTcp(OUTSIDE, OutsideHost.HOST_SIDE, published.get(kind));
        });
        table.row("after docker rm -f: the host gets no answer at its own address", NO_ANSWER, kind ->
                hostTcp(hostAddress, published.get(kind)));
        table.row("after docker rm -f: DNAT rules for the port", "none", kind -> {
            var rules = HostFirewall.dnatRulesFor(published.get(kind));
            return rules.isEmpty() ? "none" : String.join("; ", rules);
        });
        table.row("after docker rm -f: a listener can take the host port", "free", kind -> {
            try (ServerSocket taken = listener(published.get(kind))) {
                return "free";
            } catch (IOException e) {
                return "still taken: " + e.getMessage();
            }
        });
        table.assertAsExpected();
    }

    /**
     * mdnp's own: killed with SIGKILL between {@code docker run -p} and {@code docker rm}, its DNAT keeps working
     * meanwhile; started again, it holds the host port again from its state; and the {@code rm} after the restart
     * removes it all. The built-in driver has no plugin to kill.
     */
    @Test
    void aPortPublishedBeforeMdnpWasKilledStaysPublishedAfterItsRestartAndGoesWithTheRm() throws Exception {
        int port = 18180;
        Net net = lab.network(MDNP, 27);
        String server = lab.server(net, "web", "-p", port + ":" + PORT);
        assertThat(outsideTcp(OUTSIDE, OutsideHost.HOST_SIDE, port)).isEqualTo(answered("web"));

        plugin.killDaemon();
        assertThat(outsideTcp(OUTSIDE, OutsideHost.HOST_SIDE, port)).as("while mdnp is down")
                .isEqualTo(answered("web"));
        plugin.restartDaemon();

        assertThat(outsideTcp(OUTSIDE, OutsideHost.HOST_SIDE, port)).as("after the restart")
                .isEqualTo(answered("web"));
        assertThat(hostTcp("127.0.0.1", port)).as("after the restart, from the host at 127.0.0.1")
                .isEqualTo(answered("web"));
        assertThat(canListen(port)).as("a listener can take the port mdnp holds again after its restart").isFalse();

        plugin.docker().ok("rm", "-f", server);
        assertThat(outsideTcp(OUTSIDE, OutsideHost.HOST_SIDE, port)).as("after docker rm").isEqualTo(NO_ANSWER);
        assertThat(HostFirewall.dnatRulesFor(port)).as("DNAT rules of the port after docker rm").isEmpty();
        assertThat(canListen(port)).as("a listener can take the port after docker rm").isTrue();
    }

    /** Runs a server with {@code -p PORT:80} on {@code net} and says how it failed, or that it did not. */
    private String conflict(Net net, int port) throws Exception {
        var run = lab.tryServer(net, "late", "-p", port + ":" + PORT);
        if (run.result().exitCode() == 0) {
            return "started";
        }
        System.out.printf("%s -p %d:80 refused: %s%n", net.kind().label(), port, run.result().err());
        return run.result().err().contains(Integer.toString(port)) ? "refused, naming the port"
                : "refused without naming the port: " + run.result().err();
    }

    /** Listens on {@code port} of every host address, as a foreign server holding the port would. */
    private static ServerSocket listener(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(new InetSocketAddress(port));
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static boolean canListen(int port) {
        try (ServerSocket socket = listener(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Returns the kernel's ephemeral port range, where Docker and mdnp pick {@code HostPort 0}. Read as a stream:
     * {@code Files.readString} reads a procfs file by its size and gets only its first bytes.
     */
    private static int[] ephemeralRange() throws IOException {
        String text;
        try (InputStream in = Files.newInputStream(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        String[] range = text.strip().split("\\s+");
        return new int[] {Integer.parseInt(range[0]), Integer.parseInt(range[1])};
    }
}
