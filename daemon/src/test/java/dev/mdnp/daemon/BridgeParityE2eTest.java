package dev.mdnp.daemon;

import static dev.mdnp.daemon.ParityLab.NO_ANSWER;
import static dev.mdnp.daemon.ParityLab.PORT;
import static dev.mdnp.daemon.ParityLab.UNPUBLISHED_PORT;
import static dev.mdnp.daemon.ParityLab.answered;
import static dev.mdnp.daemon.ParityLab.hostTcp;
import static dev.mdnp.daemon.ParityLab.outsideTcp;
import static dev.mdnp.daemon.ParityLab.perKind;
import static dev.mdnp.daemon.testsupport.NetworkKind.BRIDGE;
import static dev.mdnp.daemon.testsupport.NetworkKind.MDNP;

import dev.mdnp.daemon.ParityLab.Net;
import dev.mdnp.daemon.testsupport.E2ePlugin;
import dev.mdnp.daemon.testsupport.HostAddress;
import dev.mdnp.daemon.testsupport.HostCommand;
import dev.mdnp.daemon.testsupport.HostSnapshot;
import dev.mdnp.daemon.testsupport.NetworkKind;
import dev.mdnp.daemon.testsupport.OutsideHost;
import dev.mdnp.daemon.testsupport.ParityTable;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 13's parity scenarios for traffic: egress, {@code --internal}, isolation, ICC and the masquerade and gateway
 * modes, each run on an mdnp network and on a built-in bridge network side by side (bridge-parity.md §3), against the
 * private engine (iptables on, FORWARD policy DROP) and an {@link OutsideHost} that has no route back to any container
 * subnet unless a test adds one.
 */
@Tag("e2e")
class BridgeParityE2eTest {

    /** The listener prints its peer before it answers; the line may reach the test a moment after the answer. */
    private static final Duration PEER_REPORTED = Duration.ofSeconds(5);

    @RegisterExtension
    static final OutsideHost OUTSIDE = new OutsideHost();

    @RegisterExtension
    final E2ePlugin plugin = new E2ePlugin();

    private ParityLab lab;
    private ParityTable table;
    private HostSnapshot before;

    @BeforeEach
    void setUp(TestInfo test) throws Exception {
        before = HostSnapshot.take();
        lab = new ParityLab(plugin);
        table = new ParityTable(test.getDisplayName());
    }

    @AfterEach
    void nothingIsLeft() throws Exception {
        lab.assertNothingLeftSince(before);
    }

    @Test
    void containersReachTheOutsideHostWhichSeesTheHostsAddress() throws Exception {
        Map<NetworkKind, String> client = perKind(kind -> lab.client(lab.network(kind, 10)));

        table.row("ping the outside host", "answered", kind -> lab.ping(client.get(kind), OutsideHost.ADDRESS));
        table.row("tcp to the outside host, which sees the connection come from",
                "answered outside, from " + OutsideHost.HOST_SIDE, kind -> {
                    int port = 7010 + kind.ordinal();
                    HostCommand.Background listener = OUTSIDE.listen(port, "outside");
                    String answer = lab.tcp(client.get(kind), OutsideHost.ADDRESS, port);
                    return answer + ", from " + peerOf(listener, answer);
                });
        table.assertAsExpected();
    }

    /** A network of one kind with a server and a client on it. */
    private record Side(Net net, String server, String client) {
    }

    /** Docker does not ask to publish the ports of a container on an internal network: it starts, publishing none. */
    @Test
    void anInternalNetworkKeepsItsContainersTogetherAndEverythingElseOut() throws Exception {
        Map<NetworkKind, Integer> internalPublished = Map.of(MDNP, 18130, BRIDGE, 18131);
        Map<NetworkKind, Side> side = perKind(kind -> {
            Net net = lab.network(kind, 11, "--internal");
            OUTSIDE.routeTo(net.subnet());
            // NET_ADMIN so that the client can set a default route: mdnp, like Docker 26+, gives none (20.10 does)
            String server = lab.server(net, "web", "-p", internalPublished.get(kind) + ":" + PORT);
            return new Side(net, server, lab.client(net, "--cap-add", "NET_ADMIN"));
        });

        table.row("a container reaches another on the network", answered("web"), kind ->
                lab.tcp(side.get(kind).client(), lab.address(side.get(kind).server()), PORT));
        table.row("with a default route via the bridge added, a container pings the outside host", NO_ANSWER,
                kind -> {
                    plugin.exec(side.get(kind).client(), "ip", "route", "replace", "default", "via",
                            side.get(kind).net().gateway());
                    return lab.ping(side.get(kind).client(), OutsideHost.ADDRESS);
                });
        table.row("the outside host, routed to the subnet, reaches a container", NO_ANSWER, kind ->
                outsideTcp(OUTSIDE, lab.address(side.get(kind).server()), PORT));
        table.row("a server started with -p: the host reaches nothing at its own address", NO_ANSWER, kind ->
                hostTcp(HostAddress.primaryIpv4(), internalPublished.get(kind)));
        table.assertAsExpected();
    }

    /** Two networks of one kind, a server on each and a client on the first. */
    private record Pair(Net own, Net sibling, String ownServer, String siblingServer, String client) {
    }

    /**
     * Two networks of each kind, a server on each. Rows name the server's network from the client's side; the rows
     * about "the other driver" cover mdnp to bridge on the mdnp line and bridge to mdnp on the bridge line.
     */
    @Test
    void networksAreIsolatedFromEachOtherInBothDirectionsButAContainerOnBothReachesBoth() throws Exception {
        Map<NetworkKind, Pair> pair = perKind(kind -> {
            Net own = lab.network(kind, 12);
            Net sibling = lab.network(kind, 13);
            return new Pair(own, sibling, lab.server(own, "web-" + kind.label()),
                    lab.server(sibling, "sibling-" + kind.label()), lab.client(own));
        });

        table.row("a container reaches a server of its own network", "answered own", kind ->
                rename(lab.tcp(pair.get(kind).client(), lab.address(pair.get(kind).ownServer()), PORT), kind));
        table.row("to a server on another network of the same driver", NO_ANSWER, kind ->
                lab.tcp(pair.get(kind).client(), lab.address(pair.get(kind).siblingServer()), PORT));
        table.row("from a server on another network of the same driver", NO_ANSWER, kind ->
                lab.tcp(pair.get(kind).siblingServer(), lab.address(pair.get(kind).ownServer()), PORT));
        table.row("to a server on a network of the other driver (mdnp->bridge, bridge->mdnp)", NO_ANSWER, kind ->
                lab.tcp(pair.get(kind).client(), lab.address(pair.get(kind.other()).ownServer()), PORT));
        table.row("ping a server on a network of the other driver", NO_ANSWER, kind ->
                lab.ping(pair.get(kind).client(), lab.address(pair.get(kind.other()).ownServer())));
        table.row("a container on two networks of the same driver reaches a server on each",
                "answered own, answered sibling", kind -> {
                    String dual = lab.client(pair.get(kind).own());
                    lab.connect(pair.get(kind).sibling(), dual);
                    return both(dual, pair.get(kind).ownServer(), pair.get(kind).siblingServer(), kind);
                });
        table.row("a container on networks of both drivers reaches a server on each",
                "answered own, answered other", kind -> {
                    String dual = lab.client(pair.get(kind).own());
                    lab.connect(pair.get(kind.other()).own(), dual);
                    return both(dual, pair.get(kind).ownServer(), pair.get(kind.other()).ownServer(), kind);
                });
        table.assertAsExpected();
    }

    @Test
    void withIccOffContainersOfTheNetworkCannotReachEachOtherButReachOutsideAndPublishedPorts() throws Exception {
        String hostAddress = HostAddress.primaryIpv4();
        Map<NetworkKind, Integer> published = Map.of(MDNP, 18110, BRIDGE, 18111);
        Map<NetworkKind, Side> side = perKind(kind -> {
            Net net = lab.network(kind, 15, "-o", "com.docker.network.bridge.enable_icc=false");
            return new Side(net, lab.server(net, "web", "-p", published.get(kind) + ":" + PORT), lab.client(net));
        });

        table.row("a container reaches a peer of the network directly (tcp)", NO_ANSWER, kind ->
                lab.tcp(side.get(kind).client(), lab.address(side.get(kind).server()), PORT));
        table.row("a container pings a peer of the network", NO_ANSWER, kind ->
                lab.ping(side.get(kind).client(), lab.address(side.get(kind).server())));
        table.row("a container pings the outside host", "answered", kind ->
                lab.ping(side.get(kind).client(), OutsideHost.ADDRESS));
        table.row("a container reaches the peer's published port at the host's address", answered("web"), kind ->
                lab.tcp(side.get(kind).client(), hostAddress, published.get(kind)));
        table.row("the outside host reaches the published port", answered("web"), kind ->
                outsideTcp(OUTSIDE, OutsideHost.HOST_SIDE, published.get(kind)));
        table.assertAsExpected();
    }

    @Test
    void withoutMasqueradeContainersTrafficLeavesWithItsOwnAddressSoNoReplyComesBack() throws Exception {
        Map<NetworkKind, Side> side = perKind(kind -> {
            Net net = lab.network(kind, 16, "-o", "com.docker.network.bridge.enable_ip_masquerade=false");
            return new Side(net, "", lab.client(net));
        });

        table.row("ping the outside host, which counts pings from the container's own address",
                "no answer, 3 from the container", kind -> {
                    String address = lab.address(side.get(kind).client());
                    OUTSIDE.countFrom(address);
                    String answer = lab.ping(side.get(kind).client(), OutsideHost.ADDRESS);
                    return answer + ", " + OUTSIDE.packetsFrom(address) + " from the container";
                });
        table.row("ping the outside host once it has a route back to the subnet", "answered", kind -> {
            OUTSIDE.routeTo(side.get(kind).net().subnet());
            return lab.ping(side.get(kind).client(), OutsideHost.ADDRESS);
        });
        table.assertAsExpected();
    }

    /**
     * Docker's {@code gateway_mode_ipv4=routed} came with 27.1; older engines accept the key and ignore it (unknown
     * keys are accepted), so there the built-in network still masquerades and the expectation says so.
     */
    @Test
    void inRoutedModeTheOutsideReachesAPublishedPortAtTheContainersAddressAndSeesItsAddress() throws Exception {
        boolean bridgeRoutes = lab.engineAtLeast(27, 1);
        Map<NetworkKind, String> server = perKind(kind -> {
            Net net = lab.network(kind, 17, "-o", "com.docker.network.bridge.gateway_mode_ipv4=routed");
            OUTSIDE.routeTo(net.subnet());
            return lab.server(net, "web", "-p", (18120 + kind.ordinal()) + ":" + PORT);
        });

        table.row("the outside host reaches the published port at the container's address", answered("web"),
                kind -> outsideTcp(OUTSIDE, lab.address(server.get(kind)), PORT));
        table.row("the outside host reaches an unpublished port at the container's address", NO_ANSWER, kind ->
                outsideTcp(OUTSIDE, lab.address(server.get(kind)), UNPUBLISHED_PORT));
        String fromContainer = "answered outside, from the container";
        table.row("tcp to the outside host, which sees the connection come from", fromContainer,
                bridgeRoutes ? fromContainer : "answered outside, from " + OutsideHost.HOST_SIDE, kind -> {
                    int port = 7020 + kind.ordinal();
                    HostCommand.Background listener = OUTSIDE.listen(port, "outside");
                    String answer = lab.tcp(server.get(kind), OutsideHost.ADDRESS, port);
                    String peer = peerOf(listener, answer);
                    return answer + ", from " + (peer.equals(lab.address(server.get(kind))) ? "the container" : peer);
                });
        table.assertAsExpected();
    }

    /** Reaches the two servers from {@code dual} and names them "own" and whatever their reply's prefix is. */
    private String both(String dual, String first, String second, NetworkKind kind) throws Exception {
        String one = lab.tcp(dual, lab.address(first), PORT);
        String two = lab.tcp(dual, lab.address(second), PORT);
        return rename(one, kind) + ", " + rename(two, kind);
    }

    private static String rename(String answer, NetworkKind kind) {
        return answer.replace("web-" + kind.label(), "own").replace("web-" + kind.other().label(), "other")
                .replaceAll("sibling-\\w+", "sibling");
    }

    /** Returns the address the outside listener saw the connection that got {@code answer} come from. */
    private static String peerOf(HostCommand.Background listener, String answer) {
        if (answer.equals(NO_ANSWER)) {
            return listener.lines().stream().filter(line -> line.startsWith("peer ")).findFirst()
                    .map(line -> line.substring(5)).orElse("nowhere");
        }
        return listener.awaitLine(line -> line.startsWith("peer "), PEER_REPORTED).substring(5);
    }
}
