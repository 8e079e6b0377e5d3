package dev.mdnp.daemon.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdnp.daemon.netlink.testsupport.KernelReplies;
import dev.mdnp.daemon.netlink.wire.IfInfoMsg;
import dev.mdnp.daemon.netlink.wire.Ifla;
import dev.mdnp.daemon.netlink.wire.LinkMessages;
import dev.mdnp.daemon.netlink.wire.MessageBuilder;
import dev.mdnp.daemon.netlink.wire.NlMsgHeader;
import dev.mdnp.daemon.netlink.wire.Rtm;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link LinkOps} sends for its arguments, and what it refuses to send; no kernel involved. */
class LinkOpsTest {

    private final StubNetlinkChannel channel = StubNetlinkChannel.acknowledging();
    private final LinkOps links = new LinkOps(new Exchange(channel));

    @Test
    void createVethSendsThePairsNamesMtuAndMacs() {
        MacAddress mac = MacAddress.parse("02:00:00:00:00:01");

        links.createVeth(VethPair.of("mdnpth0", "mdnptc0").withMtu(1400).withMac(mac));

        assertSent(0, LinkMessages.createVeth("mdnpth0", "mdnptc0", 1400, mac.octets(), null));
    }

    @Test
    void createWithAGroupSendsItAndWithoutOneSendsTheMessagesOfOldBytes() {
        links.createBridge("mdnptbr0", 0, 28001);
        links.createBridge("mdnptbr1", 1400, 0);
        links.createVeth(VethPair.of("mdnpth0", "mdnptc0").withGroup(28001));
        links.createVeth(VethPair.of("mdnpth1", "mdnptc1"));

        assertSent(0, LinkMessages.createBridge("mdnptbr0", 0, 28001));
        assertSent(1, LinkMessages.createBridge("mdnptbr1", 1400));
        assertSent(2, LinkMessages.createVeth("mdnpth0", "mdnptc0", 0, null, null, 28001));
        assertSent(3, LinkMessages.createVeth("mdnpth1", "mdnptc1", 0, null, null));
    }

    @Test
    void createWithAGroupNamesTheGroupInItsFailure() {
        channel.answerWith((request, message) -> List.of(KernelReplies.error(request, 17, "")));

        assertThatThrownBy(() -> links.createBridge("mdnptbr0", 1400, 28001))
                .isInstanceOf(NetlinkException.class)
                .hasMessage("create bridge mdnptbr0 with mtu 1400 in group 28001: file exists (EEXIST)");
        assertThatThrownBy(() -> links.createBridge("mdnptbr0", 0, 28001))
                .hasMessage("create bridge mdnptbr0 in group 28001: file exists (EEXIST)");
        assertThatThrownBy(() -> links.createVeth(VethPair.of("mdnpth0", "mdnptc0").withGroup(28001)))
                .hasMessage("create veth mdnpth0/mdnptc0 in group 28001: file exists (EEXIST)");
        assertThatThrownBy(() -> links.createVeth(VethPair.of("mdnpth0", "mdnptc0")))
                .hasMessage("create veth mdnpth0/mdnptc0: file exists (EEXIST)");
    }

    @Test
    void negativeGroupOrMtuAndDeleteOfGroupZeroAreRefusedBeforeSending() {
        assertThatThrownBy(() -> links.createBridge("mdnptbr0", 0, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("group must not be negative, got -1");
        assertThatThrownBy(() -> links.createBridge("mdnptbr0", -1, 28001))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> links.deleteGroup(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> links.deleteGroup(-1)).isInstanceOf(IllegalArgumentException.class);

        assertThat(channel.sent()).isEmpty();
    }

    @Test
    void setMasterByNameLooksUpTheBridgesIndexFirst() {
        channel.answerWith((request, message) -> request.type() == Rtm.GETLINK
                ? List.of(KernelReplies.datagram(newLink(request, 12, "mdnptbr0"), KernelReplies.ack(request)))
                : List.of(KernelReplies.ack(request)));

        links.setMaster("mdnpth0", "mdnptbr0");

        assertSent(0, LinkMessages.get("mdnptbr0"));
        assertSent(1, LinkMessages.setMaster("mdnpth0", 12));
    }

    @Test
    void renameOfAMissingLinkFailsWithEnodevWithoutChangingAnything() {
        channel.answerWith((request, message) -> List.of(KernelReplies.error(request, 19, "")));

        assertThatThrownBy(() -> links.rename("mdnptnone", "mdnptx"))
                .isInstanceOf(NetlinkException.class)
                .hasMessage("rename mdnptnone to mdnptx: no such device (ENODEV): no link mdnptnone");
        assertThat(channel.sent()).hasSize(1);
    }

    @Test
    void setAliasSendsTheAliasAndClearingSendsAnEmptyOne() {
        links.setAlias("mdnpth0", "mdnp:a:0123456789ab");
        links.setAlias("mdnpth0", "");

        assertSent(0, LinkMessages.setAlias("mdnpth0", "mdnp:a:0123456789ab"));
        assertSent(1, LinkMessages.setAlias("mdnpth0", ""));
    }

    @Test
    void setAliasNamesTheAliasInItsFailure() {
        channel.answerWith((request, message) -> List.of(KernelReplies.error(request, 19, "")));

        assertThatThrownBy(() -> links.setAlias("mdnptnone", "mdnp:a:1"))
                .isInstanceOf(NetlinkException.class)
                .hasMessage("set alias of mdnptnone to \"mdnp:a:1\": no such device (ENODEV)");
        assertThatThrownBy(() -> links.setAlias("mdnptnone", ""))
                .isInstanceOf(NetlinkException.class)
                .hasMessage("clear alias of mdnptnone: no such device (ENODEV)");
    }

    @Test
    void aliasOver255BytesOrWithNulIsRefusedBeforeSending() {
        assertThatThrownBy(() -> links.setAlias("mdnpth0", "a".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("is 256 bytes long; Linux allows at most 255");
        assertThatThrownBy(() -> links.setAlias("mdnpth0", "mdnp\0a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> links.setAlias("a/b", "mdnp:a:1")).isInstanceOf(IllegalArgumentException.class);

        assertThat(channel.sent()).isEmpty();
    }

    @Test
    void invalidNamesAndNumbersAreRefusedBeforeSending() {
        assertThatThrownBy(() -> links.createBridge("mdnpt0123456789a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> links.setMtu("mdnpt0", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> links.setMaster("mdnpt0", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> links.delete(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> links.rename("mdnpt0", "a/b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> links.get("")).isInstanceOf(IllegalArgumentException.class);

        assertThat(channel.sent()).isEmpty();
    }

    private void assertSent(int position, MessageBuilder expected) {
        byte[] sent = channel.sent().get(position);
        NlMsgHeader header = KernelReplies.headerOf(sent);
        assertThat(Arrays.equals(sent, expected.toBytes(header.seq(), header.pid())))
                .as("message %d equals %s", position, KernelReplies.headerOf(expected.toBytes(0, 0))).isTrue();
    }

    private static byte[] newLink(NlMsgHeader request, int index, String name) {
        return new MessageBuilder(Rtm.NEWLINK, 0).struct(IfInfoMsg.ofIndex(index)).string(Ifla.IFNAME, name)
                .toBytes(request.seq(), request.pid());
    }
}
