package dev.mdnp.daemon.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdnp.daemon.dataplane.firewall.CommandListener;
import dev.mdnp.daemon.dataplane.firewall.Firewall;
import dev.mdnp.daemon.netlink.Address;
import dev.mdnp.daemon.netlink.Link;
import dev.mdnp.daemon.netlink.MacAddress;
import dev.mdnp.daemon.netlink.RtNetlink;
import dev.mdnp.daemon.netlink.VethPair;
import dev.mdnp.daemon.netlink.testsupport.PrivateNetns;
import dev.mdnp.daemon.netlink.testsupport.PrivateNetnsExtension;
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

/** The real dataplane against the real kernel and iptables, in a private network namespace. */
@Tag("kernel")
class NetlinkDataplaneKernelTest {

    private static final Ownership OWNERSHIP = Ownership.of("mdnpt");

    private static final String BRIDGE = "mdnptbr0";
    private static final BridgeSpec NETWORK = new BridgeSpec(BRIDGE, 1400,
            List.of(IpPrefix.parse("10.231.99.1/24"), IpPrefix.parse("fd31:99::1/64")),
            List.of(IpPrefix.parse("10.231.99.0/24"), IpPrefix.parse("fd31:99::/64")), Traffic.DEFAULT);
    private static final VethSpec ENDPOINT =
            new VethSpec("mdnpth0", "mdnptc0", BRIDGE, 1400, "02:11:22:33:44:55");

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
        real = netns.inside(() -> new NetlinkDataplane(rtnl, firewall, OWNERSHIP));
        dataplane = new InNamespaceDataplane(netns, real);
    }

    @AfterEach
    void closeDataplane() {
        real.close();
    }

    @Test
    void createNetworkMakesAnUpBridgeWithMtuGatewaysAndRules() throws Exception {
        dataplane.createNetwork(NETWORK, ops::add);

        Link bridge = rtnl.links().get(BRIDGE).orElseThrow();
        assertThat(bridge.kind()).isEqualTo("bridge");
        assertThat(bridge.mtu()).isEqualTo(1400);
        assertThat(bridge.attrs().up()).isTrue();
        assertThat(rtnl.addresses().list(bridge.index())).extracting(Address::toString)
                .anySatisfy(a -> assertThat(a).contains("10.231.99.1/24"))
                .anySatisfy(a -> assertThat(a).contains("fd31:99:0:0:0:0:0:1/64"));
        assertThat(FirewallListing.rulesOf(netns.commandPrefix(), BRIDGE)).isNotEmpty();
        assertThat(netns.inside(() -> new Sysctl(List.of("net", "ipv4", "conf", BRIDGE, "route_localnet")).read()))
                .isEqualTo("1");
        assertThat(ops).extracting(KernelOp::operation).containsExactly("create bridge",
                "add address 10.231.99.1/24", "add address fd31:99:0:0:0:0:0:1/64", "set up",
                "enable route_localnet", "enable forwarding", "enable forwarding", "add firewall rules");
        assertThat(ops).allMatch(KernelOp::succeeded);
    }

    /**
     * A bridge without an address of its own takes the lowest of its ports': a container starting with a lower one,
     * or the lowest one leaving, would change the gateway's MAC under the containers' ARP caches (found by
     * ConcurrencyE2eTest: containers lost their gateway for half a minute).
     */
    @Test
    void theBridgeKeepsItsOwnMacWhilePortsWithALowerOneComeAndGo() {
        dataplane.createNetwork(NETWORK, ops::add);
        MacAddress own = rtnl.links().get(BRIDGE).orElseThrow().mac();
        assertThat(own).isEqualTo(CreateBridgeStep.macOf(BRIDGE));

        MacAddress lowest = MacAddress.parse("02:00:00:00:00:01");
        rtnl.links().createVeth(VethPair.of("mdnptlow", "mdnptlowc").withMac(lowest));
        rtnl.links().setMaster("mdnptlow", BRIDGE);
        rtnl.links().setUp("mdnptlow");
        assertThat(rtnl.links().get(BRIDGE).orElseThrow().mac()).as("with a port of a lower MAC").isEqualTo(own);
        rtnl.links().delete("mdnptlow");
        assertThat(rtnl.links().get(BRIDGE).orElseThrow().mac()).as("once it left").isEqualTo(own);
    }

    @Test
    void createEndpointMakesAVethWhoseHostEndIsAnUpPortOfTheBridge() {
        dataplane.createNetwork(NETWORK, ops::add);
        dataplane.createEndpoint(ENDPOINT, ops::add);

        Link bridge = rtnl.links().get(BRIDGE).orElseThrow();
        Link host = rtnl.links().get("mdnpth0").orElseThrow();
        Link container = rtnl.links().get("mdnptc0").orElseThrow();
        assertThat(host.masterIndex()).isEqualTo(bridge.index());
        assertThat(host.attrs().up()).isTrue();
        assertThat(host.mtu()).isEqualTo(1400);
        assertThat(container.mtu()).isEqualTo(1400);
        assertThat(container.masterIndex()).isZero();
        assertThat(String.valueOf(container.mac())).isEqualTo("02:11:22:33:44:55");
    }

    @Test
    void buildingThenTearingDownEndsOnTheEmptyNamespace() throws Exception {
        dataplane.createNetwork(NETWORK, ops::add);
        dataplane.createEndpoint(ENDPOINT, ops::add);
        dataplane.deleteEndpoint(ENDPOINT, ops::add);
        dataplane.deleteNetwork(NETWORK, ops::add);
        real.close();

        assertThat(rtnl.links().list()).extracting(Link::name).containsExactly("lo");
        assertThat(FirewallListing.allRules(netns.commandPrefix())).as("a closed dataplane without networks leaves"
                + " no rule of mdnp's").noneMatch(rule -> rule.contains("mdnp"));
        assertThat(FirewallListing.chains(netns.commandPrefix())).noneMatch(chain -> chain.startsWith("MDNP-"));
    }

    @Test
    void closingWhileANetworkExistsKeepsAllItsRules() throws Exception {
        dataplane.createNetwork(NETWORK, ops::add);
        List<String> before = FirewallListing.allRules(netns.commandPrefix());

        real.close();

        assertThat(FirewallListing.allRules(netns.commandPrefix())).isEqualTo(before);
    }

    @Test
    void deleteEndpointQueuesTheDeletionAndCloseFinishesIt() {
        dataplane.createNetwork(NETWORK, ops::add);
        dataplane.createEndpoint(ENDPOINT, ops::add);

        dataplane.deleteEndpoint(ENDPOINT, ops::add);
        real.close();

        assertThat(ops).last().extracting(KernelOp::operation).isEqualTo("mark for deletion");
        assertThat(rtnl.links().get("mdnpth0")).isEmpty();
        assertThat(rtnl.links().get("mdnptc0")).isEmpty();
    }

    @Test
    void manyDeletedEndpointsGoInBatches() {
        dataplane.createNetwork(NETWORK, ops::add);
        for (int i = 0; i < 50; i++) {
            dataplane.createEndpoint(new VethSpec("mdnpth" + i, "mdnptc" + i, BRIDGE, 0, "02:00:00:00:00:02"), ops::add);
        }
        for (int i = 0; i < 50; i++) {
            dataplane.deleteEndpoint(new VethSpec("mdnpth" + i, "mdnptc" + i, BRIDGE, 0, "02:00:00:00:00:02"), ops::add);
        }
        real.close();

        assertThat(rtnl.links().list()).extracting(Link::name).containsExactly("lo", BRIDGE);
    }

    @Test
    void aNameClashWithALinkThatIsNotAVethIsRefusedAndTheLinkKept() {
        dataplane.createNetwork(NETWORK, ops::add);
        VethSpec clashing = new VethSpec("mdnpth9", BRIDGE, BRIDGE, 0, "02:00:00:00:00:09");

        assertThatThrownBy(() -> dataplane.createEndpoint(clashing, ops::add)).isInstanceOf(DataplaneException.class);
        assertThat(rtnl.links().get(BRIDGE)).isPresent();
        assertThat(rtnl.links().get("mdnpth9")).isEmpty();
    }

    @Test
    void deletesOfWhatIsAlreadyGoneSucceed() {
        dataplane.deleteEndpoint(ENDPOINT, ops::add);
        dataplane.deleteNetwork(NETWORK, ops::add);

        assertThat(ops).extracting(KernelOp::operation)
                .containsExactly("mark for deletion", "undo add firewall rules", "undo create bridge");
        assertThat(ops).allMatch(KernelOp::succeeded);
    }

    @Test
    void aFailedEndpointLeavesNoLinkBehind() {
        VethSpec onMissingBridge = new VethSpec("mdnpth1", "mdnptc1", "mdnptnobr", 0, "02:11:22:33:44:66");

        assertThatThrownBy(() -> dataplane.createEndpoint(onMissingBridge, ops::add))
                .isInstanceOf(DataplaneException.class)
                .hasMessageContaining("set master mdnptnobr")
                .satisfies(e -> assertThat(((DataplaneException) e).undone()).isTrue());
        assertThat(rtnl.links().list()).extracting(Link::name).containsExactly("lo");
        assertThat(ops).extracting(KernelOp::operation).containsExactly("create veth", "set master mdnptnobr",
                "undo create veth");
    }

    @Test
    void aFailedNetworkLeavesNoBridgeBehind() {
        BridgeSpec clash = new BridgeSpec("mdnptbr1", 0, List.of(IpPrefix.parse("10.231.98.1/24"),
                IpPrefix.parse("10.231.98.1/24")), List.of(IpPrefix.parse("10.231.98.0/24")), Traffic.DEFAULT);

        assertThatThrownBy(() -> dataplane.createNetwork(clash, ops::add)).isInstanceOf(DataplaneException.class);
        assertThat(rtnl.links().get("mdnptbr1")).isEmpty();
    }

    @Test
    void aLeftoverPairOfThisDaemonWithTheSameNamesIsReplaced() {
        dataplane.createNetwork(NETWORK, ops::add);
        rtnl.links().createVeth(VethPair.of("mdnpth0", "mdnptc0").withGroup(OWNERSHIP.group()));

        dataplane.createEndpoint(ENDPOINT, ops::add);

        assertThat(rtnl.links().get("mdnpth0").orElseThrow().masterIndex())
                .isEqualTo(rtnl.links().get(BRIDGE).orElseThrow().index());
    }

    @Test
    void aPairOfTheSameNamesThatIsNotThisDaemonsIsRefusedAndKept() {
        dataplane.createNetwork(NETWORK, ops::add);
        rtnl.links().createVeth(VethPair.of("mdnpth0", "mdnptc0"));
        int index = rtnl.links().get("mdnpth0").orElseThrow().index();

        assertThatThrownBy(() -> dataplane.createEndpoint(ENDPOINT, ops::add)).isInstanceOf(DataplaneException.class)
                .hasMessageContaining("file exists");
        assertThat(rtnl.links().get("mdnpth0").orElseThrow().index()).isEqualTo(index);
    }
}
