package dev.mdnp.daemon.dataplane.firewall;

import static dev.mdnp.daemon.dataplane.firewall.TrafficTopology.A1;
import static dev.mdnp.daemon.dataplane.firewall.TrafficTopology.A2;
import static dev.mdnp.daemon.dataplane.firewall.TrafficTopology.B1;
import static dev.mdnp.daemon.dataplane.firewall.TrafficTopology.HOST;
import static dev.mdnp.daemon.dataplane.firewall.TrafficTopology.HOST_V4;
import static dev.mdnp.daemon.dataplane.firewall.TrafficTopology.HOST_V6;
import static dev.mdnp.daemon.dataplane.firewall.TrafficTopology.OUTSIDE;
import static dev.mdnp.daemon.dataplane.firewall.TrafficTopology.OUTSIDE_V4;
import static dev.mdnp.daemon.dataplane.firewall.TrafficTopology.OUTSIDE_V6;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.daemon.testsupport.Privilege;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * mdnp's rules under real traffic, in both iptables variants, on the {@link TrafficTopology}: egress is masqueraded
 * (the outside has no route back), networks are isolated from each other and from Docker's (whose accepts come before
 * mdnp's jump in {@code FORWARD}, so only mdnp's place in {@code DOCKER-USER} can hold), {@code --internal} and ICC off
 * hold,
 * published ports answer from the outside, from the host (127.0.0.1 too), from the same network (hairpin) and from
 * another network, and routed mode opens only the published port. Each negative check follows a positive one over the
 * same path, so that it fails because of a rule, not because the path is not ready.
 */
@Tag("kernel")
class FirewallTrafficKernelTest {

    private static final String A1_V4 = "10.99.1.2";
    private static final String A1_V6 = "fd99:1::2";
    private static final String A2_V4 = "10.99.1.3";
    private static final String B1_V4 = "10.99.2.2";
    private static final String B1_V6 = "fd99:2::2";

    private Namespaces namespaces;
    private IptablesNamespace host;
    private TrafficTopology topology;
    private IptablesFirewall firewall;

    @BeforeEach
    void requirePrivilege() {
        KernelTestEnvironment.requireRootAnd("ip", "iptables-nft", "iptables-legacy", "ip6tables-nft",
                "ip6tables-legacy", "busybox", "timeout", "sysctl");
        namespaces = new Namespaces();
    }

    @AfterEach
    void tearDown() {
        if (topology != null) {
            topology.close();
        }
        if (host != null) {
            host.close();
        }
        if (namespaces != null) {
            namespaces.close();
        }
    }

    private void start(Backend backend) {
        start(backend, false);
    }

    private void start(Backend backend, boolean dockerNetwork) {
        host = IptablesNamespace.create(namespaces, backend);
        CommandResult bridged = Namespaces.runnerIn(host.name()).run(List.of("sysctl", "-n",
                "net.bridge.bridge-nf-call-iptables", "net.bridge.bridge-nf-call-ip6tables"), "");
        Privilege.require(bridged.succeeded() && bridged.stdout().lines().allMatch("1"::equals),
                "br_netfilter must be loaded (net.bridge.bridge-nf-call-iptables) for traffic tests");
        topology = dockerNetwork ? TrafficTopology.buildWithDockerNetwork(namespaces, host)
                : TrafficTopology.build(namespaces, host);
        firewall = host.firewall();
        firewall.restore(List.of(), List.of());
    }

    private static NetworkRules network(String bridge, int n, boolean internal, boolean icc, boolean masquerade,
            GatewayMode ipv4Mode) {
        return new NetworkRules(bridge, List.of("10.99." + n + ".0/24"), List.of("fd99:" + n + "::/64"), internal,
                icc, masquerade, ipv4Mode, GatewayMode.NAT);
    }

    private static NetworkRules a() {
        return network(TrafficTopology.BRIDGE_A, 1, false, true, true, GatewayMode.NAT);
    }

    private static NetworkRules b() {
        return network(TrafficTopology.BRIDGE_B, 2, false, true, true, GatewayMode.NAT);
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"NFT", "LEGACY"})
    void egressIsMasqueradedOnlyWhileTheNetworkHasItsRules(Backend backend) {
        start(backend);
        assertThat(topology.ping(A1, OUTSIDE_V4)).as("before addNetwork").isFalse();

        firewall.addNetwork(a());

        topology.awaitPing(A1, OUTSIDE_V4);
        topology.awaitPing(A1, OUTSIDE_V6);
        firewall.removeNetwork(a());
        assertThat(topology.ping(A1, OUTSIDE_V4)).as("IPv4 after removeNetwork").isFalse();
        assertThat(topology.ping(A1, OUTSIDE_V6)).as("IPv6 after removeNetwork").isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"NFT", "LEGACY"})
    void withoutMasqueradeNoReplyComesBack(Backend backend) {
        start(backend);
        firewall.addNetwork(network(TrafficTopology.BRIDGE_A, 1, false, true, false, GatewayMode.NAT));
        firewall.addNetwork(b());

        topology.awaitPing(B1, OUTSIDE_V4);
        topology.awaitPing(A1, A2_V4);

        assertThat(topology.ping(A1, OUTSIDE_V4)).isFalse();
        assertThat(topology.ping(A1, OUTSIDE_V6)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"NFT", "LEGACY"})
    void networksAreIsolatedFromEachOther(Backend backend) {
        start(backend);
        firewall.addNetwork(a());
        firewall.addNetwork(b());

        topology.awaitPing(A1, A2_V4);
        topology.awaitPing(A1, OUTSIDE_V4);
        topology.awaitPing(B1, OUTSIDE_V4);
        topology.awaitPing(B1, OUTSIDE_V6);
        topology.awaitPing(A1, "10.99.2.1"); // b's gateway is the host's own address, as in Docker

        assertThat(topology.ping(A1, B1_V4)).as("a1 -> b1").isFalse();
        assertThat(topology.ping(B1, A1_V4)).as("b1 -> a1").isFalse();
        assertThat(topology.ping(A1, B1_V6)).as("a1 -> b1 IPv6").isFalse();
        assertThat(topology.ping(B1, A1_V6)).as("b1 -> a1 IPv6").isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"NFT", "LEGACY"})
    void aNetworkIsIsolatedFromDockersNetworksWhoseAcceptsComeFirst(Backend backend) {
        start(backend, true);
        firewall.addNetwork(a());
        topology.serve(A1, 80);
        firewall.addPorts(new PortRules(a(), "ep-a1", List.of(new PortMapping(Protocol.TCP, "", 8080, A1_V4, 80))));

        topology.awaitPing(B1, OUTSIDE_V4);
        topology.awaitPing(B1, OUTSIDE_V6);
        topology.awaitPing(A1, OUTSIDE_V4);
        topology.awaitPing(A1, OUTSIDE_V6);
        topology.awaitFetch(B1, HOST_V4, 8080, A1);

        assertThat(topology.ping(B1, A1_V4)).as("docker's b1 -> a1").isFalse();
        assertThat(topology.ping(B1, A1_V6)).as("docker's b1 -> a1 IPv6").isFalse();
        assertThat(topology.ping(A1, B1_V4)).as("a1 -> docker's b1").isFalse();
        assertThat(topology.ping(A1, B1_V6)).as("a1 -> docker's b1 IPv6").isFalse();
        assertThat(topology.fetch(B1, A1_V4, 80)).as("a1's port itself from docker's b1").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"NFT", "LEGACY"})
    void anInternalNetworkKeepsItsTrafficInside(Backend backend) {
        start(backend);
        firewall.addNetwork(network(TrafficTopology.BRIDGE_A, 1, true, true, true, GatewayMode.NAT));
        firewall.addNetwork(b());

        topology.awaitPing(A1, A2_V4);
        topology.awaitPing(A1, "fd99:1::3");
        topology.awaitPing(B1, OUTSIDE_V4);

        assertThat(topology.ping(A1, OUTSIDE_V4)).as("a1 -> outside").isFalse();
        assertThat(topology.ping(A1, OUTSIDE_V6)).as("a1 -> outside IPv6").isFalse();
        assertThat(topology.ping(B1, A1_V4)).as("b1 -> a1").isFalse();
        assertThat(topology.ping(A1, B1_V4)).as("a1 -> b1").isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"NFT", "LEGACY"})
    void iccOffSeparatesContainersButNotFromTheOutside(Backend backend) {
        start(backend);
        firewall.addNetwork(network(TrafficTopology.BRIDGE_A, 1, false, false, true, GatewayMode.NAT));

        topology.awaitPing(A1, OUTSIDE_V4);
        topology.awaitPing(A2, OUTSIDE_V4);
        topology.awaitPing(A1, OUTSIDE_V6);

        assertThat(topology.ping(A1, A2_V4)).as("a1 -> a2").isFalse();
        assertThat(topology.ping(A1, "fd99:1::3")).as("a1 -> a2 IPv6").isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"NFT", "LEGACY"})
    void aPublishedPortAnswersFromEverywhereUntilItIsRemoved(Backend backend) {
        start(backend);
        topology.serve(A1, 80);
        firewall.addNetwork(a());
        firewall.addNetwork(b());
        PortRules ports = new PortRules(a(), "ep-a1", List.of(
                new PortMapping(Protocol.TCP, "", 8080, A1_V4, 80),
                new PortMapping(Protocol.TCP, "127.0.0.1", 8081, A1_V4, 80),
                new PortMapping(Protocol.TCP, "", 8080, A1_V6, 80)));

        firewall.addPorts(ports);

        topology.awaitFetch(OUTSIDE, HOST_V4, 8080, A1);
        topology.awaitFetch(OUTSIDE, HOST_V6, 8080, A1);
        topology.awaitFetch(HOST, HOST_V4, 8080, A1);
        topology.awaitFetch(HOST, "127.0.0.1", 8081, A1);
        topology.awaitFetch(HOST, "127.0.0.1", 8080, A1);
        topology.awaitFetch(A2, HOST_V4, 8080, A1);
        topology.awaitFetch(B1, HOST_V4, 8080, A1);
        topology.awaitFetch(B1, "10.99.2.1", 8080, A1);
        assertThat(topology.fetch(OUTSIDE, HOST_V4, 8081)).as("127.0.0.1's port from outside").isEmpty();
        assertThat(topology.fetch(B1, A1_V4, 80)).as("a1's port itself from b1").isEmpty();

        firewall.removePorts(ports);

        assertThat(topology.fetch(OUTSIDE, HOST_V4, 8080)).as("after removePorts").isEmpty();
        assertThat(topology.fetch(HOST, "127.0.0.1", 8081)).as("127.0.0.1 after removePorts").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"NFT", "LEGACY"})
    void routedModeOpensOnlyThePublishedPort(Backend backend) {
        start(backend);
        topology.routeOutsideToBridges();
        topology.serve(A1, 80);
        topology.serve(A1, 81);
        topology.serve(B1, 80);
        NetworkRules routed = network(TrafficTopology.BRIDGE_A, 1, false, true, true, GatewayMode.ROUTED);
        firewall.addNetwork(routed);
        firewall.addNetwork(b());

        firewall.addPorts(new PortRules(routed, "ep-a1", List.of(new PortMapping(Protocol.TCP, "", 8080, A1_V4,
                80))));

        topology.awaitFetch(OUTSIDE, A1_V4, 80, A1);
        topology.awaitPing(A1, OUTSIDE_V4);
        assertThat(topology.fetch(OUTSIDE, A1_V4, 81)).as("a1's unpublished port").isEmpty();
        assertThat(topology.fetch(OUTSIDE, B1_V4, 80)).as("a NAT network's container").isEmpty();
        assertThat(topology.fetch(OUTSIDE, HOST_V4, 8080)).as("no DNAT in routed mode").isEmpty();
    }
}
