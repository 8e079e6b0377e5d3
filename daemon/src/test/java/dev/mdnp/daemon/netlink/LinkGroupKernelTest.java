package dev.mdnp.daemon.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.mdnp.daemon.netlink.testsupport.PrivateNetns;
import dev.mdnp.daemon.netlink.testsupport.PrivateNetnsExtension;
import dev.mdnp.daemon.netlink.wire.Errno;
import dev.mdnp.daemon.netlink.wire.IfInfoMsg;
import dev.mdnp.daemon.netlink.wire.Ifla;
import dev.mdnp.daemon.netlink.wire.IflaInfo;
import dev.mdnp.daemon.netlink.wire.MessageBuilder;
import dev.mdnp.daemon.netlink.wire.NlmF;
import dev.mdnp.daemon.netlink.wire.Rtm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Device groups ({@code IFLA_GROUP}) in a private namespace: links created in a group are in it from birth (both
 * veth ends), read back by get, list and events, kept across a move to another namespace, changed by
 * {@link LinkOps#setGroup}, and deleted by {@link LinkOps#deleteGroup} without touching other groups.
 */
@Tag("kernel")
class LinkGroupKernelTest {

    private static final int GROUP = 28001;
    private static final int OTHER_GROUP = 28002;
    private static final int CHANGE = NlmF.REQUEST | NlmF.ACK;
    private static final int CREATE = NlmF.REQUEST | NlmF.ACK | NlmF.CREATE | NlmF.EXCL;

    @RegisterExtension
    final PrivateNetnsExtension namespace = new PrivateNetnsExtension();
    private PrivateNetns netns;
    private PrivateNetns other;
    private LinkMonitor monitor;
    private LinkOps links;

    @BeforeEach
    void openNamespace() throws Exception {
        netns = namespace.get();
        links = netns.rtnl().links();
    }

    @AfterEach
    void closeMonitorAndOtherNamespace() throws Exception {
        if (monitor != null) {
            monitor.close();
        }
        if (other != null) {
            other.close();
        }
    }

    @Test
    void linksCreatedWithoutAGroupAreInTheDefaultGroup() {
        links.createBridge("mdnptbr0");
        links.createBridge("mdnptbr1", 0, 0);
        links.createVeth(VethPair.of("mdnpth0", "mdnptc0"));

        assertThat(links.list()).extracting(Link::group).containsOnly(0);
    }

    @Test
    void bridgeCreatedWithAGroupIsInItForGetAndList() {
        links.createBridge("mdnptbr0", 0, GROUP);
        links.createBridge("mdnptbr1", 1400, GROUP);

        assertThat(link("mdnptbr0").group()).isEqualTo(GROUP);
        assertThat(links.get(link("mdnptbr0").index()).orElseThrow().group()).isEqualTo(GROUP);
        assertThat(link("mdnptbr1")).isInstanceOf(BridgeLink.class)
                .satisfies(bridge -> assertThat(bridge.mtu()).isEqualTo(1400));
        assertThat(namesInGroup(links, GROUP)).containsExactlyInAnyOrder("mdnptbr0", "mdnptbr1");
    }

    @Test
    void vethPairCreatedWithAGroupHasItOnBothEnds() {
        MacAddress peerMac = MacAddress.parse("02:42:ac:11:00:02");

        links.createVeth(VethPair.of("mdnpth0", "mdnptc0").withMtu(1400).withPeerMac(peerMac).withGroup(GROUP));

        assertThat(List.of(link("mdnpth0"), link("mdnptc0"))).extracting(Link::group).containsOnly(GROUP);
        assertThat(links.get(link("mdnptc0").index()).orElseThrow().group()).isEqualTo(GROUP);
        assertThat(namesInGroup(links, GROUP)).containsExactlyInAnyOrder("mdnpth0", "mdnptc0");
        assertThat(link("mdnptc0").mac()).as("the other options still apply").isEqualTo(peerMac);
        assertThat(link("mdnptc0").mtu()).isEqualTo(1400);
    }

    @Test
    void kernelCreatesTheVethPeerFromItsOwnAttributesOnly() {
        // why createVeth sends the group twice: IFLA_GROUP outside VETH_INFO_PEER leaves the peer in the default group
        MessageBuilder veth = new MessageBuilder(Rtm.NEWLINK, CREATE).struct(IfInfoMsg.ofIndex(0))
                .string(Ifla.IFNAME, "mdnpth0").u32(Ifla.GROUP, GROUP)
                .nest(Ifla.LINKINFO, info -> info.string(IflaInfo.KIND, IflaInfo.KIND_VETH)
                        .nest(IflaInfo.DATA, data -> data.nest(IflaInfo.VETH_INFO_PEER, peer -> peer
                                .struct(IfInfoMsg.ofIndex(0)).string(Ifla.IFNAME, "mdnptc0"))));

        netns.rtnl().exchange().ack("create veth mdnpth0/mdnptc0 with the group outside the peer", veth);

        assertThat(link("mdnpth0").group()).isEqualTo(GROUP);
        assertThat(link("mdnptc0").group()).isZero();
    }

    @Test
    void firstEventOfALinkCreatedInAGroupAlreadyShowsTheGroup() throws Exception {
        // the kernel applies IFLA_GROUP before it registers the device: the link is never seen outside its group
        RecordingLinkListener listener = new RecordingLinkListener();
        monitor = netns.inside(() -> netns.rtnl().monitorLinks(listener));

        links.createBridge("mdnptbr0", 0, GROUP);
        links.createVeth(VethPair.of("mdnpth0", "mdnptc0").withGroup(GROUP));

        List<String> names = List.of("mdnptbr0", "mdnpth0", "mdnptc0");
        await().atMost(Duration.ofSeconds(10)).until(() -> names.stream()
                .allMatch(name -> listener.saw(LinkEvent.Kind.NEW, name)));
        for (String name : names) {
            LinkEvent first = listener.events().stream().filter(event -> event.link().name().equals(name))
                    .findFirst().orElseThrow();
            assertThat(first.link().group()).as("group in the first event of %s", name).isEqualTo(GROUP);
        }
        assertThat(listener.lostSignals()).isZero();
    }

    @Test
    void containerEndKeepsItsGroupWhenMovedToAnotherNamespace() throws Exception {
        links.createVeth(VethPair.of("mdnpth0", "mdnptc0").withGroup(GROUP));
        other = PrivateNetns.create();

        moveToOther("mdnptc0");

        assertThat(links.get("mdnptc0")).isEmpty();
        assertThat(other.rtnl().links().get("mdnptc0").orElseThrow().group()).isEqualTo(GROUP);
        assertThat(namesInGroup(other.rtnl().links(), GROUP)).containsExactly("mdnptc0");
        assertThat(link("mdnpth0").group()).isEqualTo(GROUP);
    }

    @Test
    void setGroupIsReadBackAndGroupZeroIsTheDefaultGroupAgain() {
        links.createVeth(VethPair.of("mdnpth0", "mdnptc0"));

        links.setGroup("mdnpth0", GROUP);

        assertThat(link("mdnpth0").group()).isEqualTo(GROUP);
        assertThat(link("mdnptc0").group()).as("the peer keeps its own group").isZero();
        links.setGroup("mdnpth0", OTHER_GROUP);
        assertThat(link("mdnpth0").group()).isEqualTo(OTHER_GROUP);
        links.setGroup("mdnpth0", 0);
        assertThat(link("mdnpth0").group()).isZero();
    }

    @Test
    void deleteGroupDeletesExactlyTheLinksOfThatGroup() {
        links.createBridge("mdnptbr0", 0, GROUP);
        links.createVeth(VethPair.of("mdnpth0", "mdnptc0").withGroup(GROUP));
        links.createBridge("mdnptbr1", 0, OTHER_GROUP);
        links.createVeth(VethPair.of("mdnpth1", "mdnptc1").withGroup(OTHER_GROUP));
        links.createBridge("mdnptbr2");
        links.createVeth(VethPair.of("mdnpth2", "mdnptc2"));

        links.deleteGroup(GROUP);

        assertThat(links.list()).extracting(Link::name).containsExactlyInAnyOrder("lo", "mdnptbr1", "mdnpth1",
                "mdnptc1", "mdnptbr2", "mdnpth2", "mdnptc2");
        assertThat(namesInGroup(links, OTHER_GROUP)).containsExactlyInAnyOrder("mdnptbr1", "mdnpth1", "mdnptc1");
    }

    @Test
    void deleteGroupTakesAVethEndsPeerWhateverItsGroupAndNamespaceButNoOtherNamespacesLinks() throws Exception {
        links.createVeth(VethPair.of("mdnpth0", "mdnptc0").withGroup(GROUP));
        links.setGroup("mdnptc0", OTHER_GROUP);
        other = PrivateNetns.create();
        moveToOther("mdnptc0");
        other.rtnl().links().createBridge("mdnptbr9", 0, GROUP);

        links.deleteGroup(GROUP);

        assertThat(links.list()).extracting(Link::name).containsExactly("lo");
        assertThat(other.rtnl().links().list()).extracting(Link::name).containsExactlyInAnyOrder("lo", "mdnptbr9");
    }

    @Test
    void deleteOfAnEmptyGroupFailsWithEnodev() {
        links.createBridge("mdnptbr0", 0, OTHER_GROUP);

        assertThatThrownBy(() -> links.deleteGroup(GROUP))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENODEV))
                .hasMessageStartingWith("delete link group " + GROUP + ": no such device (ENODEV)");
        assertThat(link("mdnptbr0").group()).isEqualTo(OTHER_GROUP);
    }

    private Link link(String name) {
        return links.get(name).orElseThrow();
    }

    private static List<String> namesInGroup(LinkOps ops, int group) {
        return ops.list().stream().filter(link -> link.group() == group).map(Link::name).toList();
    }

    /** Moves a link of {@link #netns} into {@link #other}, as {@code ip link set NAME netns PID} does. */
    private void moveToOther(String name) throws Exception {
        // IFLA_NET_NS_PID takes a thread id too: the namespace of the thread that serves the other fixture
        String thread = other.inside(() -> Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName()
                .toString());
        netns.rtnl().exchange().ack("move " + name, new MessageBuilder(Rtm.SETLINK, CHANGE)
                .struct(IfInfoMsg.ofIndex(0)).string(Ifla.IFNAME, name).u32(Ifla.NET_NS_PID, Integer.parseInt(thread)));
    }
}
