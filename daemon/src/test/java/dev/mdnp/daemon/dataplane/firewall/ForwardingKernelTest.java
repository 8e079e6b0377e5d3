package dev.mdnp.daemon.dataplane.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mdnp.daemon.testsupport.Privilege;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The point of the firewall, on a real bridge, in both iptables variants: with the {@code FORWARD} policy at
 * {@code DROP} and br_netfilter calling iptables for bridged frames, as Docker leaves a fresh host, two "containers" on
 * one bridge reach each other only while the network's rules are in place. The bridge lives in a private namespace,
 * each container in its own; the test builds them with {@code ip} (fixture only, the firewall never runs it) and
 * pings with busybox.
 */
@Tag("kernel")
class ForwardingKernelTest {

    private static final String BRIDGE = "mdnpbr0";
    private static final NetworkRules NETWORK = new NetworkRules(BRIDGE, List.of("10.99.0.0/24"),
            List.of("fd99::/64"), false, true, true, GatewayMode.NAT, GatewayMode.NAT);
    /** Longer than a neighbour entry's failing probe cycle (3 probes, 1 s apart) plus a ping. */
    private static final Duration REACH = Duration.ofSeconds(15);

    private Namespaces namespaces;
    private IptablesNamespace hostFirewall;
    private String host;
    private String left;
    private String right;
    private Firewall firewall;

    @BeforeEach
    void requirePrivilege() {
        KernelTestEnvironment.requireRootAnd("ip", "iptables-nft", "iptables-legacy", "ip6tables-nft",
                "ip6tables-legacy", "busybox");
        namespaces = new Namespaces();
    }

    private void buildBridgeWithTwoContainers(Backend backend) {
        hostFirewall = IptablesNamespace.create(namespaces, backend);
        host = hostFirewall.name();
        left = namespaces.create("-l");
        right = namespaces.create("-r");
        Privilege.require(bridgeCallsIptables(),
                "br_netfilter must be loaded (net.bridge.bridge-nf-call-iptables) for the forwarding test");
        namespaces.host("ip", "-n", host, "link", "add", BRIDGE, "type", "bridge");
        namespaces.host("ip", "-n", host, "link", "set", BRIDGE, "up");
        attach(left, "vl", "10.99.0.2/24", "fd99::2/64");
        attach(right, "vr", "10.99.0.3/24", "fd99::3/64");
        for (IpFamily family : IpFamily.values()) {
            hostFirewall.iptables(family, "-P", "FORWARD", "DROP");
        }
        firewall = hostFirewall.firewall();
    }

    @AfterEach
    void deleteNamespaces() {
        if (hostFirewall != null) {
            hostFirewall.close();
        }
        if (namespaces != null) {
            namespaces.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"NFT", "LEGACY"})
    void containersOnOneBridgeReachEachOtherOnlyWhileTheNetworksRulesExist(Backend backend) {
        buildBridgeWithTwoContainers(backend);
        assertThat(reachable("10.99.0.3")).as("IPv4 before addNetwork").isFalse();
        assertThat(reachable("fd99::3")).as("IPv6 before addNetwork").isFalse();

        firewall.addNetwork(NETWORK);
        // A failed ping leaves the neighbour entry probing for up to 3 s, and packets queued on it are dropped when it
        // fails; so the first ping after the rules appear may still be lost.
        await().atMost(REACH).until(() -> reachable("10.99.0.3"));
        await().atMost(REACH).until(() -> reachable("fd99::3"));

        firewall.removeNetwork(NETWORK);
        assertThat(reachable("10.99.0.3")).as("IPv4 after removeNetwork").isFalse();
        assertThat(reachable("fd99::3")).as("IPv6 after removeNetwork").isFalse();
    }

    private boolean bridgeCallsIptables() {
        CommandResult result = Namespaces.runnerIn(host)
                .run(List.of("sysctl", "-n", "net.bridge.bridge-nf-call-iptables",
                        "net.bridge.bridge-nf-call-ip6tables"), "");
        return result.succeeded() && result.stdout().lines().allMatch("1"::equals);
    }

    /** Creates a veth pair: one end a port of the bridge, the other {@code eth0} of {@code container}. */
    private void attach(String container, String port, String ipv4, String ipv6) {
        namespaces.host("ip", "-n", host, "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns",
                container);
        namespaces.host("ip", "-n", host, "link", "set", port, "master", BRIDGE, "up");
        namespaces.host("ip", "-n", container, "addr", "add", ipv4, "dev", "eth0");
        namespaces.host("ip", "-n", container, "-6", "addr", "add", ipv6, "dev", "eth0", "nodad");
        namespaces.host("ip", "-n", container, "link", "set", "eth0", "up");
    }

    /** Pings {@code address} from the left container: one echo, waiting at most a second for the reply. */
    private boolean reachable(String address) {
        List<String> ping = concat(Namespaces.prefix(left), "busybox", "ping", "-c", "1", "-W", "1", address);
        return Namespaces.hostRunner().run(ping, "").succeeded();
    }

    private static List<String> concat(List<String> prefix, String... command) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(List.of(command));
        return all;
    }
}
