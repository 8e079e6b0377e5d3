package dev.mdnp.daemon.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdnp.daemon.dataplane.firewall.CommandListener;
import dev.mdnp.daemon.dataplane.firewall.Firewall;
import dev.mdnp.daemon.dataplane.firewall.NetworkRules;
import dev.mdnp.daemon.netlink.Address;
import dev.mdnp.daemon.netlink.Link;
import dev.mdnp.daemon.netlink.RtNetlink;
import dev.mdnp.daemon.netlink.VethPair;
import dev.mdnp.daemon.netlink.testsupport.PrivateNetns;
import dev.mdnp.daemon.netlink.testsupport.PrivateNetnsExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link NetlinkDataplane#restore} against the real kernel and iptables, in a private network namespace: the kernel
 * is built through the dataplane, changed behind its back, then restored from the same specs.
 *
 * <p>Every link a test creates starts with {@code mdnp}; those of the recorded state start with the owned prefix, a
 * random {@code mdnpt???} per test, and the foreign ones with {@code mdnpkeep}, which does not. The namespace, and with
 * it every link and rule, is gone after each test, also when it fails.
 */
@Tag("kernel")
class NetlinkDataplaneRestoreKernelTest {

    private static final Ownership OWNERSHIP = Ownership.of("mdnpt");

    private static final String FOREIGN = "mdnpkeep";

    /** The owned prefix, unique to the test: {@code mdnpt} and three random characters. */
    private final String prefix = "mdnpt" + randomSuffix();

    private final BridgeSpec netA = new BridgeSpec(prefix + "b0", 1400,
            List.of(IpPrefix.parse("10.231.97.1/24"), IpPrefix.parse("fd31:97::1/64")),
            List.of(IpPrefix.parse("10.231.97.0/24"), IpPrefix.parse("fd31:97::/64")), Traffic.DEFAULT);
    private final BridgeSpec netB = new BridgeSpec(prefix + "b1", 0, List.of(IpPrefix.parse("10.231.96.1/24")),
            List.of(IpPrefix.parse("10.231.96.0/24")), Traffic.DEFAULT);
    /** Not joined: no container holds it, so restore may build it again. */
    private final VethSpec idleA = new VethSpec(prefix + "h0", prefix + "c0", netA.bridge(), 1400, "02:11:22:33:44:50");
    /** Joined: its container end belongs to a container (here it stays in the namespace, restore does not care). */
    private final VethSpec joinedA =
            new VethSpec(prefix + "h1", prefix + "c1", netA.bridge(), 1400, "02:11:22:33:44:51");
    private final VethSpec idleB = new VethSpec(prefix + "h2", prefix + "c2", netB.bridge(), 0, "02:11:22:33:44:52");

    private final List<BridgeSpec> networks = List.of(netA, netB);
    private final List<RestoredEndpoint> endpoints = List.of(new RestoredEndpoint("ep-idle-a", idleA, false, List.of()),
            new RestoredEndpoint("ep-joined-a", joinedA, true, List.of()),
            new RestoredEndpoint("ep-idle-b", idleB, false, List.of()));

    @TempDir
    Path scratch;
    @RegisterExtension
    final PrivateNetnsExtension namespace = new PrivateNetnsExtension();
    private PrivateNetns netns;
    private RtNetlink rtnl;
    private Firewall firewall;
    private NetlinkDataplane real;
    private Dataplane dataplane;
    private final List<KernelOp> ops = new ArrayList<>();

    @BeforeEach
    void openPrivateNamespace() throws Exception {
        netns = namespace.get();
        rtnl = netns.rtnl();
        firewall = Firewall.iptables("mdnpt", netns.commandPrefix(), Duration.ofSeconds(20), CommandListener.NONE,
                scratch);
        real = new NetlinkDataplane(rtnl, firewall, OWNERSHIP);
        dataplane = new InNamespaceDataplane(netns, real);
    }

    @AfterEach
    void closeDataplane() {
        if (real != null) {
            real.close();
        }
    }

    @Test
    void aKernelThatMatchesIsLeftAsItIs() {
        buildRecordedState();
        Kernel before = kernel();
        ops.clear();

        RestoreReport report = restore(networks, endpoints);

        assertThat(report.unchanged()).isTrue();
        assertThat(report).isEqualTo(nothing());
        assertThat(kernel()).isEqualTo(before);
        assertThat(ops).as("nothing but the idempotent settings").extracting(KernelOp::operation)
                .containsOnly("enable route_localnet", "enable forwarding");
        assertThat(ops).allMatch(KernelOp::succeeded);
    }

    @Test
    void aDeletedBridgeIsBuiltAgainAndItsPortsAttachedToIt() {
        buildRecordedState();
        List<String> rulesOfA = rulesOf(netA.bridge());
        int oldIndex = link(netA.bridge()).index();
        rtnl.links().delete(netA.bridge()); // takes its addresses along and detaches its ports
        firewall.removeNetwork(NetworkRules.bridgeOnly(netA.bridge()));
        assertThat(link(idleA.hostName()).masterIndex()).isZero();

        RestoreReport report = restore(networks, endpoints);

        assertThat(report).isEqualTo(new RestoreReport(List.of(netA.bridge()), List.of(), List.of(),
                List.of(idleA.hostName(), joinedA.hostName()), List.of(), List.of(), List.of(), List.of()));
        Link bridge = link(netA.bridge());
        assertThat(bridge.index()).isNotEqualTo(oldIndex);
        assertThat(bridge.kind()).isEqualTo("bridge");
        assertThat(bridge.mtu()).isEqualTo(1400);
        assertThat(bridge.up()).isTrue();
        assertThat(gateways(netA.bridge())).containsExactlyInAnyOrderElementsOf(netA.gateways());
        assertThat(rulesOf(netA.bridge())).isNotEmpty().isEqualTo(rulesOfA);
        assertAttached(idleA);
        assertAttached(joinedA);
        assertAttached(idleB);
        assertThat(restore(networks, endpoints).unchanged()).as("a second restore").isTrue();
    }

    @Test
    void aMissingGatewayAndTheDownStateAreRepairedOnTheSameBridge() {
        buildRecordedState();
        Link bridge = link(netA.bridge());
        IpPrefix ipv4 = netA.gateways().get(0);
        rtnl.addresses().delete(new Address(bridge.index(), ipv4.address(), ipv4.prefixLength()));
        rtnl.links().setDown(netA.bridge());
        assertThat(gateways(netA.bridge())).doesNotContain(ipv4);

        RestoreReport report = restore(networks, endpoints);

        assertThat(report).isEqualTo(new RestoreReport(List.of(), List.of(netA.bridge()), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of()));
        assertThat(link(netA.bridge()).index()).as("repaired, not rebuilt").isEqualTo(bridge.index());
        assertThat(link(netA.bridge()).up()).isTrue();
        assertThat(gateways(netA.bridge())).containsExactlyInAnyOrderElementsOf(netA.gateways());
        assertAttached(idleA);
        assertAttached(joinedA);
        assertThat(restore(networks, endpoints).unchanged()).as("a second restore").isTrue();
    }

    @Test
    void missingRulesOfAnExistingBridgeAreAddedAndReported() {
        buildRecordedState();
        List<String> rulesOfA = rulesOf(netA.bridge());
        firewall.removeNetwork(NetworkRules.bridgeOnly(netA.bridge()));
        assertThat(rulesOf(netA.bridge())).isEmpty();

        RestoreReport report = restore(networks, endpoints);

        assertThat(report).isEqualTo(new RestoreReport(List.of(), List.of(netA.bridge()), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of()));
        assertThat(rulesOf(netA.bridge())).isNotEmpty().isEqualTo(rulesOfA);
        assertThat(restore(networks, endpoints).unchanged()).as("a second restore").isTrue();
    }

    @Test
    void aDetachedDownHostEndIsAttachedAndUpAgain() {
        buildRecordedState();
        rtnl.links().setNoMaster(idleA.hostName());
        rtnl.links().setDown(idleA.hostName());
        rtnl.links().setDown(joinedA.hostName()); // still a port, only down

        RestoreReport report = restore(networks, endpoints);

        assertThat(report).isEqualTo(new RestoreReport(List.of(), List.of(), List.of(),
                List.of(idleA.hostName(), joinedA.hostName()), List.of(), List.of(), List.of(), List.of()));
        assertAttached(idleA);
        assertAttached(joinedA);
        assertThat(restore(networks, endpoints).unchanged()).as("a second restore").isTrue();
    }

    @Test
    void theMissingPairOfAnEndpointNoContainerHoldsIsBuiltAgain() {
        buildRecordedState();
        rtnl.links().delete(idleA.hostName()); // takes the container end along
        assertThat(rtnl.links().get(idleA.containerName())).isEmpty();

        RestoreReport report = restore(networks, endpoints);

        assertThat(report).isEqualTo(new RestoreReport(List.of(), List.of(), List.of(idleA.hostName()), List.of(),
                List.of(), List.of(), List.of(), List.of()));
        assertAttached(idleA);
        Link host = link(idleA.hostName());
        Link container = link(idleA.containerName());
        assertThat(host.mtu()).isEqualTo(1400);
        assertThat(container.mtu()).isEqualTo(1400);
        assertThat(container.masterIndex()).isZero();
        assertThat(String.valueOf(container.mac())).isEqualTo(idleA.containerMac());
        assertThat(restore(networks, endpoints).unchanged()).as("a second restore").isTrue();
    }

    @Test
    void aJoinedEndpointWhoseHostEndIsGoneIsReportedLostAndNotBuilt() {
        buildRecordedState();
        rtnl.links().delete(joinedA.hostName());
        Kernel before = kernel();

        RestoreReport report = restore(networks, endpoints);

        assertThat(report).isEqualTo(new RestoreReport(List.of(), List.of(), List.of(), List.of(),
                List.of(joinedA.hostName()), List.of(), List.of(), List.of()));
        assertThat(report.unchanged()).as("a lost endpoint is not a change").isTrue();
        assertThat(rtnl.links().get(joinedA.hostName())).isEmpty();
        assertThat(rtnl.links().get(joinedA.containerName())).isEmpty();
        assertThat(kernel()).isEqualTo(before);
    }

    @Test
    void unknownLinksOfThisDaemonAreDeletedAndEveryoneElsesKept() {
        buildRecordedState();
        int other = Ownership.of("another").group();
        rtnl.links().createBridge(prefix + "xb", 0, OWNERSHIP.group());
        rtnl.links().createVeth(VethPair.of(prefix + "xh", prefix + "xc").withGroup(OWNERSHIP.group()));
        rtnl.links().setMaster(prefix + "xh", netA.bridge()); // a port of a known bridge, of no known endpoint
        rtnl.links().createBridge(prefix + "zb"); // named like this daemon's links, but nobody's mark
        rtnl.links().createBridge(prefix + "ob", 0, other); // another daemon's
        rtnl.links().createVeth(VethPair.of(FOREIGN + "h0", FOREIGN + "c0"));

        RestoreReport report = restore(networks, endpoints);

        assertThat(report.deletedLinks()).containsExactlyInAnyOrder(prefix + "xb", prefix + "xh", prefix + "xc");
        assertThat(report).isEqualTo(new RestoreReport(List.of(), List.of(), List.of(), List.of(), List.of(),
                report.deletedLinks(), List.of(), List.of()));
        assertThat(names()).doesNotContain(prefix + "xb", prefix + "xh", prefix + "xc")
                .contains(prefix + "zb", prefix + "ob", FOREIGN + "h0", FOREIGN + "c0")
                .contains(netA.bridge(), netB.bridge(), idleA.hostName(), idleA.containerName(),
                        joinedA.hostName(), joinedA.containerName(), idleB.hostName(), idleB.containerName());
        assertThat(restore(networks, endpoints).unchanged()).as("a second restore").isTrue();
    }

    @Test
    void rulesAndBridgesOfUnknownNetworksOfThisDaemonGoAndAnotherDaemonsStay() throws Exception {
        BridgeSpec theirs = new BridgeSpec(FOREIGN + "b1", 0, List.of(IpPrefix.parse("10.231.95.1/24")),
                List.of(IpPrefix.parse("10.231.95.0/24")), Traffic.DEFAULT);
        Firewall otherFirewall = Firewall.iptables("another", netns.commandPrefix(), Duration.ofSeconds(20),
                CommandListener.NONE, scratch);
        try (NetlinkDataplane other = new NetlinkDataplane(rtnl, otherFirewall, Ownership.of("another"))) {
            new InNamespaceDataplane(netns, other).createNetwork(theirs, ops::add);
            dataplane.createNetwork(netA, ops::add);
            dataplane.createNetwork(netB, ops::add);
            List<String> rulesOfB = rulesOf(netB.bridge());
            List<String> rulesOfTheirs = rulesOf(theirs.bridge());
            assertThat(rulesOf(netA.bridge())).isNotEmpty();
            assertThat(rulesOfTheirs).isNotEmpty();

            RestoreReport report = restore(List.of(netB), List.of());

            assertThat(report).isEqualTo(new RestoreReport(List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(netA.bridge()), List.of(netA.bridge()), List.of()));
            assertThat(rulesOf(netA.bridge())).isEmpty();
            assertThat(rulesOf(netB.bridge())).isNotEmpty().isEqualTo(rulesOfB);
            assertThat(rulesOf(theirs.bridge())).isEqualTo(rulesOfTheirs);
            assertThat(names()).doesNotContain(netA.bridge()).contains(netB.bridge(), theirs.bridge());

            RestoreReport nothingKnown = restore(List.of(), List.of());

            assertThat(nothingKnown.deletedLinks()).containsExactly(netB.bridge());
            assertThat(names()).containsExactlyInAnyOrder("lo", theirs.bridge());
            assertThat(listing()).filteredOn(rule -> rule.contains("\"mdnp:"))
                    .as("only the other daemon's network keeps rules").isEqualTo(rulesOfTheirs);
        }
    }

    @Test
    void aNetworkWhoseBridgeNameIsTakenByAnotherKindOfLinkIsLeftAloneWithItsEndpoints() {
        dataplane.createNetwork(netA, ops::add);
        dataplane.createEndpoint(idleA, ops::add);
        dataplane.createEndpoint(joinedA, ops::add);
        rtnl.links().createVeth(VethPair.of(netB.bridge(), FOREIGN + "p1")); // not a bridge; idleB was never built
        Kernel before = kernel();

        RestoreReport report = restore(networks, endpoints);

        assertThat(report).isEqualTo(nothing());
        assertThat(kernel()).isEqualTo(before);
    }

    @Test
    void aBridgeOfTheSameNameInAnotherDaemonsGroupIsLeftAloneWithItsEndpoints() {
        int other = Ownership.of("another").group();
        rtnl.links().createBridge(netA.bridge(), 0, other);
        dataplane.createNetwork(netB, ops::add);
        dataplane.createEndpoint(idleB, ops::add);

        RestoreReport report = restore(networks, endpoints);

        assertThat(report.rebuiltBridges()).isEmpty();
        assertThat(report.rebuiltEndpoints()).isEmpty();
        assertThat(link(netA.bridge()).group()).isEqualTo(other);
        assertThat(gateways(netA.bridge())).as("not given this daemon's addresses").isEmpty();
        assertThat(rtnl.links().get(idleA.hostName())).as("its endpoints are not built").isEmpty();
        assertThat(rulesOf(netA.bridge())).isEmpty();
        assertAttached(idleB);
    }

    @Test
    void linksTheStateNamesButNoDaemonMarkedAreTakenOver() {
        buildRecordedState();
        rtnl.links().setGroup(netA.bridge(), 0);
        rtnl.links().setAlias(netA.bridge(), "");
        rtnl.links().setGroup(idleA.hostName(), 0);
        Kernel before = kernel();

        RestoreReport report = restore(networks, endpoints);

        assertThat(report.adoptedLinks()).containsExactlyInAnyOrder(netA.bridge(), idleA.hostName());
        assertThat(link(netA.bridge()).group()).isEqualTo(OWNERSHIP.group());
        assertThat(link(netA.bridge()).alias()).isEqualTo(OWNERSHIP.alias());
        assertThat(link(idleA.hostName()).group()).isEqualTo(OWNERSHIP.group());
        assertThat(kernel().links().keySet()).isEqualTo(before.links().keySet());
        assertThat(restore(networks, endpoints).unchanged()).as("a second restore").isTrue();
    }

    @Test
    void linksThisDaemonLeftDoomedAreDeletedWhileItsDataplaneIsConstructedAndNoOneElses() {
        rtnl.links().createVeth(VethPair.of(prefix + "dh", prefix + "dc"));
        rtnl.links().createVeth(VethPair.of(prefix + "kh", prefix + "kc"));
        rtnl.links().createVeth(VethPair.of(prefix + "oh", prefix + "oc"));
        rtnl.links().createBridge(prefix + "db");
        rtnl.links().setGroup(prefix + "dh", OWNERSHIP.doomedGroup());
        rtnl.links().setGroup(prefix + "db", OWNERSHIP.doomedGroup());
        rtnl.links().setGroup(prefix + "oh", Ownership.of("another").doomedGroup());

        try (NetlinkDataplane restarted = new NetlinkDataplane(rtnl, firewall, OWNERSHIP)) {
            assertThat(names()).containsExactlyInAnyOrder("lo", prefix + "kh", prefix + "kc", prefix + "oh",
                    prefix + "oc");
        }
    }

    /** Builds networks A and B and their endpoints through the dataplane, as the daemon did before it stopped. */
    private void buildRecordedState() {
        dataplane.createNetwork(netA, ops::add);
        dataplane.createNetwork(netB, ops::add);
        dataplane.createEndpoint(idleA, ops::add);
        dataplane.createEndpoint(joinedA, ops::add);
        dataplane.createEndpoint(idleB, ops::add);
        assertAttached(idleA);
        assertAttached(joinedA);
        assertAttached(idleB);
        assertThat(rulesOf(netA.bridge())).isNotEmpty();
        assertThat(rulesOf(netB.bridge())).isNotEmpty();
    }

    private RestoreReport restore(List<BridgeSpec> specs, List<RestoredEndpoint> recorded) {
        RestoreReport report = dataplane.restore(specs, recorded, ops::add);
        assertThat(ops).allMatch(KernelOp::succeeded);
        return report;
    }

    private static RestoreReport nothing() {
        return new RestoreReport(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private void assertAttached(VethSpec veth) {
        Link host = link(veth.hostName());
        assertThat(host.masterIndex()).as("%s is a port of %s", veth.hostName(), veth.bridge())
                .isEqualTo(link(veth.bridge()).index());
        assertThat(host.up()).as("%s is up", veth.hostName()).isTrue();
    }

    private Link link(String name) {
        return rtnl.links().get(name).orElseThrow(() -> new AssertionError("no link " + name));
    }

    private List<String> names() {
        return rtnl.links().list().stream().map(Link::name).toList();
    }

    /** The addresses of a link, without the IPv6 link-local one the kernel adds by itself. */
    private Set<IpPrefix> gateways(String name) {
        return rtnl.addresses().list(link(name).index()).stream()
                .filter(address -> !address.address().isLinkLocalAddress())
                .map(address -> new IpPrefix(address.address(), address.prefixLength()))
                .collect(Collectors.toSet());
    }

    private List<String> rulesOf(String bridge) {
        return listing().stream()
                .filter(rule -> rule.contains("\"mdnp:") && rule.contains(":" + bridge + "\"")).toList();
    }

    private List<String> listing() {
        try {
            return FirewallListing.allRules(netns.commandPrefix());
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the namespace's rules", e);
        }
    }

    /** What a test compares before and after a restore: links (index included), their addresses and the rules. */
    private Kernel kernel() {
        Map<String, LinkState> links = new TreeMap<>();
        Map<String, Set<IpPrefix>> addresses = new TreeMap<>();
        for (Link link : rtnl.links().list()) {
            links.put(link.name(), new LinkState(link.index(), link.kind(), link.mtu(), String.valueOf(link.mac()),
                    link.masterIndex(), link.up()));
            addresses.put(link.name(), gateways(link.name()));
        }
        return new Kernel(links, addresses, listing());
    }

    private record LinkState(int index, String kind, int mtu, String mac, int masterIndex, boolean up) {
    }

    private record Kernel(Map<String, LinkState> links, Map<String, Set<IpPrefix>> addresses, List<String> rules) {
    }

    private static String randomSuffix() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            suffix.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return suffix.toString();
    }
}
