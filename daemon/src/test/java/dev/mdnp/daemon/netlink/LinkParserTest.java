package dev.mdnp.daemon.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.daemon.netlink.wire.IfInfoMsg;
import dev.mdnp.daemon.netlink.wire.IfOper;
import dev.mdnp.daemon.netlink.wire.Iff;
import dev.mdnp.daemon.netlink.wire.Ifla;
import dev.mdnp.daemon.netlink.wire.IflaInfo;
import dev.mdnp.daemon.netlink.wire.MessageBuilder;
import dev.mdnp.daemon.netlink.wire.NlMessage;
import dev.mdnp.daemon.netlink.wire.Rtm;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Link messages as the kernel sends them, turned into {@link Link} values. */
class LinkParserTest {

    @Test
    void bridgeWithItsCommonAttributes() {
        MessageBuilder message = newLink(4, Iff.UP, "mdnptbr0")
                .u32(Ifla.MTU, 1400)
                .bytes(Ifla.ADDRESS, new byte[] {2, 0x42, (byte) 0xac, 0x11, 0, 2})
                .u8(Ifla.OPERSTATE, IfOper.UP)
                .nest(Ifla.LINKINFO, info -> info.string(IflaInfo.KIND, "bridge")
                        .nest(IflaInfo.DATA, data -> data.u32(1, 1500)));

        Link link = parse(message);

        assertThat(link).isEqualTo(new BridgeLink(new LinkAttrs(4, "mdnptbr0", 1400,
                MacAddress.parse("02:42:ac:11:00:02"), 0, true, OperState.UP, LinkStats.NONE)));
    }

    @Test
    void vethWithItsPeerAndMaster() {
        MessageBuilder message = newLink(5, 0, "mdnpth0").u32(Ifla.LINK, 6).u32(Ifla.MASTER, 4)
                .u8(Ifla.OPERSTATE, IfOper.LOWERLAYERDOWN)
                .nest(Ifla.LINKINFO, info -> info.string(IflaInfo.KIND, "veth"));

        VethLink link = (VethLink) parse(message);

        assertThat(link.peerIndex()).isEqualTo(6);
        assertThat(link.masterIndex()).isEqualTo(4);
        assertThat(link.up()).isFalse();
        assertThat(link.attrs().operState()).isEqualTo(OperState.LOWER_LAYER_DOWN);
    }

    @Test
    void vethWhosePeerIsInAnotherNamespaceHasNoPeerIndex() {
        MessageBuilder message = newLink(5, 0, "mdnpth0").u32(Ifla.LINK, 2).u32(Ifla.LINK_NETNSID, 0)
                .nest(Ifla.LINKINFO, info -> info.string(IflaInfo.KIND, "veth"));

        assertThat(((VethLink) parse(message)).peerIndex()).isZero();
    }

    @Test
    void linkWithoutKindIsOtherWithAnEmptyKind() {
        MessageBuilder message = newLink(1, Iff.UP | Iff.LOOPBACK, "lo").u32(Ifla.MTU, 65536)
                .bytes(Ifla.ADDRESS, new byte[6]);

        assertThat(parse(message)).isInstanceOfSatisfying(OtherLink.class, lo -> {
            assertThat(lo.kind()).isEmpty();
            assertThat(lo.mac()).isEqualTo(new MacAddress(0));
        });
    }

    @Test
    void otherKindsKeepTheirKind() {
        MessageBuilder message = newLink(9, 0, "mdnptd0").nest(Ifla.LINKINFO, info -> info.string(IflaInfo.KIND,
                "dummy"));

        assertThat(parse(message)).isEqualTo(new OtherLink(new LinkAttrs(9, "mdnptd0", 0, null, 0, false,
                OperState.UNKNOWN, LinkStats.NONE), "dummy"));
    }

    @Test
    void aliasIsReadAsTheKernelSendsIt() {
        // the kernel answers with nla_put_string: the text, a NUL, padding to 4 bytes
        MessageBuilder message = newLink(5, 0, "mdnpth0").string(Ifla.IFALIAS, "mdnp:a:0123456789ab")
                .nest(Ifla.LINKINFO, info -> info.string(IflaInfo.KIND, "veth"));

        Link link = parse(message);

        assertThat(link.alias()).isEqualTo("mdnp:a:0123456789ab");
        assertThat(link.attrs()).isEqualTo(new LinkAttrs(5, "mdnpth0", 0, null, 0, false, OperState.UNKNOWN,
                LinkStats.NONE, "mdnp:a:0123456789ab"));
    }

    @Test
    void aliasWithoutNulAndInUtf8IsReadWhole() {
        MessageBuilder message = newLink(5, 0, "mdnpth0")
                .bytes(Ifla.IFALIAS, "mdnp:é:ü".getBytes(StandardCharsets.UTF_8));

        assertThat(parse(message).alias()).isEqualTo("mdnp:é:ü");
    }

    @Test
    void linkWithoutAliasHasAnEmptyOne() {
        // the kernel leaves IFLA_IFALIAS out when the alias is empty (nla_put_ifalias)
        assertThat(parse(newLink(1, 0, "lo")).alias()).isEmpty();
    }

    @Test
    void groupIsReadAsTheKernelSendsIt() {
        MessageBuilder message = newLink(5, 0, "mdnpth0").u32(Ifla.GROUP, 28001)
                .nest(Ifla.LINKINFO, info -> info.string(IflaInfo.KIND, "veth"));

        Link link = parse(message);

        assertThat(link.group()).isEqualTo(28001);
        assertThat(link.attrs()).isEqualTo(new LinkAttrs(5, "mdnpth0", 0, null, 0, false, OperState.UNKNOWN,
                LinkStats.NONE, "", 28001));
    }

    @Test
    void groupOfTheDefaultGroupAndWithoutTheAttributeIsZero() {
        // the kernel sends IFLA_GROUP for every link, 0 included; a message without it is read as the default group
        assertThat(parse(newLink(1, 0, "lo").u32(Ifla.GROUP, 0)).group()).isZero();
        assertThat(parse(newLink(1, 0, "lo")).group()).isZero();
    }

    @Test
    void groupFrom2To31OnKeepsTheBitsOfTheU32() {
        // ip link set NAME group 4294967295 is valid; the record keeps the u32's bits
        Link link = parse(newLink(1, 0, "lo").u32(Ifla.GROUP, -1));

        assertThat(Integer.toUnsignedString(link.group())).isEqualTo("4294967295");
    }

    @Test
    void hardwareAddressOfAnotherLengthIsNoMac() {
        MessageBuilder message = newLink(9, 0, "mdnptip0").bytes(Ifla.ADDRESS, new byte[] {10, 0, 0, 1});

        assertThat(parse(message).mac()).isNull();
    }

    @Test
    void stats64GiveTheCounters() {
        ByteBuffer stats = ByteBuffer.allocate(8 * 24).order(ByteOrder.nativeOrder());
        stats.putLong(10).putLong(20).putLong(1000).putLong(2000);
        MessageBuilder message = newLink(1, 0, "lo").bytes(Ifla.STATS64, stats.array());

        assertThat(parse(message).attrs().stats()).isEqualTo(new LinkStats(10, 20, 1000, 2000));
    }

    @Test
    void deleteMessagesParseLikeNewOnes() {
        byte[] bytes = new MessageBuilder(Rtm.DELLINK, 0).struct(IfInfoMsg.ofIndex(3)).string(Ifla.IFNAME, "x")
                .toBytes(0, 0);

        assertThat(LinkParser.parse(only(bytes))).hasValueSatisfying(link -> assertThat(link.name()).isEqualTo("x"));
    }

    @Test
    void otherMessageTypesAreSkipped() {
        byte[] bytes = new MessageBuilder(Rtm.NEWADDR, 0).struct(IfInfoMsg.ofIndex(3)).toBytes(0, 0);

        assertThat(LinkParser.parse(only(bytes))).isEmpty();
    }

    private static MessageBuilder newLink(int index, int flags, String name) {
        return new MessageBuilder(Rtm.NEWLINK, 0).struct(new IfInfoMsg(0, 1, index, flags, 0))
                .string(Ifla.IFNAME, name);
    }

    private static Link parse(MessageBuilder message) {
        return LinkParser.parse(only(message.toBytes(0, 0))).orElseThrow();
    }

    static NlMessage only(byte[] bytes) {
        return NlMessage.split(ByteBuffer.wrap(bytes), bytes.length).get(0);
    }
}
