package dev.mdnp.daemon.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdnp.daemon.dataplane.firewall.CommandListener;
import dev.mdnp.daemon.dataplane.firewall.Firewall;
import dev.mdnp.daemon.dataplane.firewall.Protocol;
import dev.mdnp.daemon.netlink.testsupport.PrivateNetns;
import dev.mdnp.daemon.netlink.testsupport.PrivateNetnsExtension;
import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing ports through the real dataplane in a private namespace: host ports held by sockets (the conflict check
 * against mdnp's own ports and any listener), the first free port of a range, the ephemeral range, DNAT rules added
 * and removed, and host ports taken again by a restarted dataplane's restore.
 */
@Tag("kernel")
class NetlinkDataplanePortsKernelTest {

    private static final Ownership OWNERSHIP = Ownership.of("mdnpt");

    private static final String BRIDGE = "mdnptbp0";
    private static final BridgeSpec NETWORK = new BridgeSpec(BRIDGE, 0,
            List.of(IpPrefix.parse("10.231.93.1/24"), IpPrefix.parse("fd31:93::1/64")),
            List.of(IpPrefix.parse("10.231.93.0/24"), IpPrefix.parse("fd31:93::/64")), Traffic.DEFAULT);
    private static final VethSpec VETH = new VethSpec("mdnpthp0", "mdnptcp0", BRIDGE, 0, "02:11:22:33:44:70");
    private static final EndpointPorts ENDPOINT = new EndpointPorts(NETWORK, "ep0", "10.231.93.2", "fd31:93::2");
    private static final EndpointPorts OTHER = new EndpointPorts(NETWORK, "ep1", "10.231.93.3", "");

    private final List<KernelOp> ops = new ArrayList<>();
    private final List<Closeable> listeners = new ArrayList<>();
    @TempDir
    Path scratch;
    @RegisterExtension
    final PrivateNetnsExtension namespace = new PrivateNetnsExtension();
    private PrivateNetns netns;
    private Firewall firewall;
    private NetlinkDataplane real;
    private Dataplane dataplane;

    @BeforeEach
    void buildNetwork() throws Exception {
        netns = namespace.get();
        firewall = Firewall.iptables("mdnpt", netns.commandPrefix(), Duration.ofSeconds(20), CommandListener.NONE,
                scratch);
        real = new NetlinkDataplane(netns.rtnl(), firewall, OWNERSHIP);
        dataplane = new InNamespaceDataplane(netns, real);
        netns.inside(() -> {
            netns.rtnl().links().setUp("lo");
            return null;
        });
        dataplane.createNetwork(NETWORK, ops::add);
        dataplane.createEndpoint(VETH, ops::add);
    }

    @AfterEach
    void closeListenersAndDataplane() throws Exception {
        for (Closeable listener : listeners) {
            listener.close();
        }
        if (real != null) {
            real.close();
        }
    }

    @Test
    void publishedPortsAreHeldAndDnatedInBothFamilies() throws Exception {
        List<PublishedPort> published = dataplane.publishPorts(ENDPOINT,
                List.of(new PortRequest(Protocol.TCP, 80, "", 18080, 0),
                        new PortRequest(Protocol.UDP, 53, "127.0.0.1", 18053, 0)), ops::add);

        assertThat(published).extracting(PublishedPort::toString).containsExactly(
                "0.0.0.0:18080->80/tcp", "[::]:18080->80/tcp", "127.0.0.1:18053->53/udp");
        assertThat(canListen("::", 18080)).as("18080 held on both families").isFalse();
        assertThat(canListen("0.0.0.0", 18080)).isFalse();
        assertThat(dnatRules()).containsExactlyInAnyOrder(
                "iptables-save -A MDNP-DNAT -p tcp -m tcp --dport 18080 -m comment --comment \"mdnp:mdnpt:" + BRIDGE
                        + "\" -j DNAT --to-destination 10.231.93.2:80",
                "iptables-save -A MDNP-DNAT -d 127.0.0.1/32 -p udp -m udp --dport 18053 -m comment"
                        + " --comment \"mdnp:mdnpt:"
                        + BRIDGE + "\" -j DNAT --to-destination 10.231.93.2:53",
                "ip6tables-save -A MDNP-DNAT -p tcp -m tcp --dport 18080 -m comment --comment \"mdnp:mdnpt:" + BRIDGE
                        + "\" -j DNAT --to-destination [fd31:93::2]:80");
        assertThat(ops).extracting(KernelOp::operation).containsSequence("reserve host ports", "publish ports");
        assertThat(ops.get(ops.size() - 1).target()).contains("0.0.0.0:18080->80/tcp");
    }

    @Test
    void unpublishRemovesTheRulesAndFreesTheHostPorts() throws Exception {
        List<PublishedPort> published = dataplane.publishPorts(ENDPOINT,
                List.of(new PortRequest(Protocol.TCP, 80, "", 18081, 0)), ops::add);

        dataplane.unpublishPorts(ENDPOINT, published, ops::add);

        assertThat(dnatRules()).isEmpty();
        assertThat(canListen("0.0.0.0", 18081)).isTrue();
    }

    @Test
    void aPortAnotherEndpointPublishedIsRefusedNamingThePortAndTheEndpoint() {
        dataplane.publishPorts(ENDPOINT, List.of(new PortRequest(Protocol.TCP, 80, "", 18082, 0)), ops::add);

        assertThatThrownBy(() -> dataplane.publishPorts(OTHER,
                List.of(new PortRequest(Protocol.TCP, 80, "127.0.0.1", 18082, 0)), ops::add))
                .isInstanceOf(DataplaneException.class)
                .hasCauseInstanceOf(PortUnavailableException.class)
                .hasMessageContaining("18082").hasMessageContaining("already published by endpoint ep0");
    }

    @Test
    void aPortAListenerHoldsIsRefusedAndNothingOfTheCallRemains() throws Exception {
        listen("0.0.0.0", 18083);

        assertThatThrownBy(() -> dataplane.publishPorts(ENDPOINT,
                List.of(new PortRequest(Protocol.TCP, 81, "", 18084, 0),
                        new PortRequest(Protocol.TCP, 80, "", 18083, 0)), ops::add))
                .isInstanceOf(DataplaneException.class)
                .hasCauseInstanceOf(PortUnavailableException.class)
                .hasMessageContaining("18083").hasMessageContaining("already in use");
        assertThat(canListen("0.0.0.0", 18084)).as("the port taken before the failure is free again").isTrue();
        assertThat(dnatRules()).isEmpty();
    }

    @Test
    void aRangeGetsItsFirstFreePortAndAFullRangeIsRefused() throws Exception {
        listen("0.0.0.0", 18090);

        List<PublishedPort> published = dataplane.publishPorts(ENDPOINT,
                List.of(new PortRequest(Protocol.TCP, 80, "", 18090, 18091)), ops::add);

        assertThat(published).extracting(PublishedPort::hostPort).containsOnly(18091);
        assertThatThrownBy(() -> dataplane.publishPorts(OTHER,
                List.of(new PortRequest(Protocol.TCP, 80, "", 18090, 18091)), ops::add))
                .hasMessageContaining("18090-18091").hasMessageContaining("no port of the range is free");
    }

    @Test
    void portZeroTakesFreePortsOfTheKernelsEphemeralRangeInTurn() throws Exception {
        netns.inside(() -> Files.writeString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"), "40100 40102\n",
                StandardCharsets.US_ASCII));
        listen("0.0.0.0", 40100);

        List<PublishedPort> first = dataplane.publishPorts(OTHER,
                List.of(new PortRequest(Protocol.TCP, 80, "", 0, 0), new PortRequest(Protocol.TCP, 81, "", 0, 0)),
                ops::add);

        assertThat(first).extracting(PublishedPort::hostPort).containsExactly(40101, 40102);
        assertThatThrownBy(() -> dataplane.publishPorts(ENDPOINT,
                List.of(new PortRequest(Protocol.TCP, 80, "", 0, 0)), ops::add))
                .hasMessageContaining("40100-40102");
    }

    @Test
    void aRestartedDataplaneTakesThePublishedPortsAgainAndKeepsTheirRules() throws Exception {
        List<PublishedPort> published = dataplane.publishPorts(ENDPOINT,
                List.of(new PortRequest(Protocol.TCP, 80, "", 18095, 0)), ops::add);
        List<String> rules = dnatRules();
        real.close(); // as a crash would, the process's sockets go
        assertThat(canListen("0.0.0.0", 18095)).isTrue();

        real = new NetlinkDataplane(netns.rtnl(), firewall, OWNERSHIP);
        dataplane = new InNamespaceDataplane(netns, real);
        RestoreReport report = dataplane.restore(List.of(NETWORK),
                List.of(new RestoredEndpoint("ep0", VETH, true, published)), ops::add);

        assertThat(report.deletedRules()).isEmpty();
        assertThat(canListen("0.0.0.0", 18095)).as("held again").isFalse();
        assertThat(dnatRules()).isEqualTo(rules);
        dataplane.unpublishPorts(ENDPOINT, published, ops::add);
        assertThat(dnatRules()).isEmpty();
    }

    @Test
    void dataplaneWorkOutsideItsNamespaceIsRefused() {
        assertThatThrownBy(() -> real.publishPorts(ENDPOINT, List.of(new PortRequest(Protocol.TCP, 80, "", 18096, 0)),
                ops::add)).isInstanceOf(IllegalStateException.class).hasMessageContaining("network namespace");
    }

    private List<String> dnatRules() throws Exception {
        return FirewallListing.allRules(netns.commandPrefix()).stream().filter(line -> line.contains("-j DNAT"))
                .toList();
    }

    private boolean canListen(String address, int port) throws Exception {
        return netns.inside(() -> {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(address), port));
                return true;
            } catch (BindException e) {
                return false;
            }
        });
    }

    private void listen(String address, int port) throws Exception {
        listeners.add(netns.inside(() -> {
            ServerSocket socket = new ServerSocket();
            try {
                socket.bind(new InetSocketAddress(InetAddress.getByName(address), port));
                return socket;
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        }));
    }
}
