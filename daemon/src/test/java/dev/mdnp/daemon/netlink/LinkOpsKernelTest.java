package dev.mdnp.daemon.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdnp.daemon.netlink.testsupport.PrivateNetns;
import dev.mdnp.daemon.netlink.testsupport.PrivateNetnsExtension;
import dev.mdnp.daemon.netlink.wire.Errno;
import dev.mdnp.daemon.netlink.wire.LinkMessages;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Creating, reading and deleting links in a private namespace; every link name starts with {@code mdnpt}. */
@Tag("kernel")
class LinkOpsKernelTest {

    @RegisterExtension
    final PrivateNetnsExtension namespace = new PrivateNetnsExtension();
    private PrivateNetns netns;
    private LinkOps links;

    @BeforeEach
    void openNamespace() throws Exception {
        netns = namespace.get();
        links = netns.rtnl().links();
    }

    @Test
    void createBridgeMakesADownBridge() {
        links.createBridge("mdnptbr0");

        Link bridge = links.get("mdnptbr0").orElseThrow();
        assertThat(bridge).isInstanceOf(BridgeLink.class);
        assertThat(bridge.kind()).isEqualTo("bridge");
        assertThat(bridge.up()).isFalse();
        assertThat(bridge.mtu()).isEqualTo(1500);
        assertThat(bridge.mac()).isNotNull();
        assertThat(bridge.index()).isPositive();
    }

    @Test
    void createBridgeWithMtuSetsIt() {
        links.createBridge("mdnptbr0", 1400);

        assertThat(links.get("mdnptbr0").orElseThrow().mtu()).isEqualTo(1400);
    }

    @Test
    void createOfANameInUseFailsWithEexist() {
        links.createBridge("mdnptbr0");

        assertThatThrownBy(() -> links.createBridge("mdnptbr0"))
                .isInstanceOfSatisfying(NetlinkException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.EEXIST);
                    assertThat(e.operation()).isEqualTo("create bridge mdnptbr0");
                })
                .hasMessage("create bridge mdnptbr0: file exists (EEXIST)");
        assertThatThrownBy(() -> links.createVeth(VethPair.of("mdnptbr0", "mdnptv1")))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST))
                .hasMessageStartingWith("create veth mdnptbr0/mdnptv1: file exists (EEXIST)");
    }

    @Test
    void createVethMakesTwoPeeredEndsWithMtuAndMacs() {
        MacAddress mac = MacAddress.parse("02:00:00:00:00:01");
        MacAddress peerMac = MacAddress.parse("02:00:00:00:00:02");

        links.createVeth(VethPair.of("mdnpth0", "mdnptc0").withMtu(1400).withMac(mac).withPeerMac(peerMac));

        VethLink host = (VethLink) links.get("mdnpth0").orElseThrow();
        VethLink container = (VethLink) links.get("mdnptc0").orElseThrow();
        assertThat(host.peerIndex()).isEqualTo(container.index());
        assertThat(container.peerIndex()).isEqualTo(host.index());
        assertThat(List.of(host.mtu(), container.mtu())).containsOnly(1400);
        assertThat(host.mac()).isEqualTo(mac);
        assertThat(container.mac()).isEqualTo(peerMac);
        assertThat(host.up()).isFalse();
    }

    @Test
    void createVethWithoutOptionsUsesKernelDefaults() {
        links.createVeth(VethPair.of("mdnpth0", "mdnptc0"));

        Link host = links.get("mdnpth0").orElseThrow();
        Link container = links.get("mdnptc0").orElseThrow();
        assertThat(host.mtu()).isEqualTo(1500);
        assertThat(host.mac()).isNotNull().isNotEqualTo(container.mac());
    }

    @Test
    void createVethTwiceFailsWithEexist() {
        links.createVeth(VethPair.of("mdnpth0", "mdnptc0"));

        assertThatThrownBy(() -> links.createVeth(VethPair.of("mdnpth0", "mdnptc0")))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST))
                .hasMessageStartingWith("create veth mdnpth0/mdnptc0: file exists (EEXIST)");
    }

    @Test
    void deleteOfOneVethEndDeletesBoth() {
        links.createVeth(VethPair.of("mdnpth0", "mdnptc0"));

        links.delete("mdnpth0");

        assertThat(links.list()).extracting(Link::name).containsExactly("lo");
        assertThatThrownBy(() -> links.delete("mdnptc0"))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENODEV))
                .hasMessage("delete link mdnptc0: no such device (ENODEV)");
    }

    @Test
    void deleteByIndexRemovesTheLink() {
        links.createBridge("mdnptbr0");
        int index = links.get("mdnptbr0").orElseThrow().index();

        links.delete(index);

        assertThat(links.get(index)).isEmpty();
        assertThatThrownBy(() -> links.delete(index))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENODEV))
                .hasMessage("delete link #" + index + ": no such device (ENODEV)");
    }

    @Test
    void getOfAMissingLinkIsEmpty() {
        assertThat(links.get("mdnptnone")).isEmpty();
        assertThat(links.get(999_999)).isEmpty();
    }

    @Test
    void getByIndexFindsTheSameLinkAsByName() {
        links.createBridge("mdnptbr0");
        Link byName = links.get("mdnptbr0").orElseThrow();

        assertThat(links.get(byName.index())).contains(byName);
    }

    @Test
    void listShowsEveryKind() {
        links.createBridge("mdnptbr0");
        links.createVeth(VethPair.of("mdnpth0", "mdnptc0"));

        List<Link> all = links.list();

        assertThat(all).extracting(Link::name).containsExactlyInAnyOrder("lo", "mdnptbr0", "mdnpth0", "mdnptc0");
        assertThat(all).filteredOn(link -> link.name().equals("lo")).singleElement()
                .isInstanceOfSatisfying(OtherLink.class, lo -> assertThat(lo.kind()).isEmpty());
    }

    @Test
    void nameLongerThan15BytesIsRefusedBeforeSending() {
        assertThatThrownBy(() -> links.createBridge("mdnpt0123456789a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("link name \"mdnpt0123456789a\" is 16 bytes long; Linux allows at most 15");
        assertThatThrownBy(() -> links.createVeth(VethPair.of("mdnpth0", "mdnpt0123456789a")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(links.list()).extracting(Link::name).containsExactly("lo");
    }

    @Test
    void kernelAnswersANameOf16BytesWithErange() {
        assertThatThrownBy(() -> netns.rtnl().exchange().ack("create bridge mdnpt0123456789a",
                LinkMessages.createBridge("mdnpt0123456789a", 0)))
                .isInstanceOfSatisfying(NetlinkException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.ERANGE);
                    assertThat(e.kernelMessage()).isEqualTo("Attribute failed policy validation");
                });
    }

    @Test
    void kernelAnswersANameOf15BytesWithSuccess() {
        links.createBridge("mdnpt0123456789");

        assertThat(links.get("mdnpt0123456789")).isPresent();
    }

    @Test
    void aClosedHandleRefusesRequests() {
        netns.rtnl().close();

        assertThatThrownBy(() -> links.list()).isInstanceOf(IllegalStateException.class);
    }
}
