package dev.mdnp.daemon.netlink.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttrReaderTest {

    @Test
    void readsTypesAndPayloadsInOrder() {
        ByteBuffer buffer = built(new MessageBuilder(0, 0).string(Ifla.IFNAME, "mdnpt0").u32(Ifla.MTU, 1400)
                .u8(Ifla.OPERSTATE, 6).bytes(Ifla.ADDRESS, new byte[] {2, 0, 0, 0, 0, 1}));
        AttrReader attrs = AttrReader.of(buffer, 16, buffer.limit());

        assertThat(attrs.next()).isTrue();
        assertThat(attrs.type()).isEqualTo(Ifla.IFNAME);
        assertThat(attrs.string()).isEqualTo("mdnpt0");
        assertThat(attrs.next()).isTrue();
        assertThat(attrs.u32()).isEqualTo(1400);
        assertThat(attrs.next()).isTrue();
        assertThat(attrs.u8()).isEqualTo(6);
        assertThat(attrs.next()).isTrue();
        assertThat(attrs.bytes()).containsExactly(2, 0, 0, 0, 0, 1);
        assertThat(attrs.next()).isFalse();
    }

    @Test
    void typeDropsTheNestedAndByteOrderBits() {
        ByteBuffer buffer = raw(8, 0x8000 | 0x4000 | Ifla.LINKINFO, 0, 0, 0, 0);
        AttrReader attrs = AttrReader.of(buffer, 0, 8);

        attrs.next();

        assertThat(attrs.type()).isEqualTo(Ifla.LINKINFO);
    }

    @Test
    void nestedCursorSeesOnlyTheNestsChildren() {
        ByteBuffer buffer = built(new MessageBuilder(0, 0)
                .nest(Ifla.LINKINFO, info -> info.string(IflaInfo.KIND, "veth").u32(IflaInfo.DATA, 1))
                .u32(Ifla.MTU, 1500));
        AttrReader attrs = AttrReader.of(buffer, 16, buffer.limit());
        attrs.next();

        List<Integer> children = types(attrs.nested());

        assertThat(children).containsExactly(IflaInfo.KIND, IflaInfo.DATA);
        assertThat(attrs.next()).isTrue();
        assertThat(attrs.type()).isEqualTo(Ifla.MTU);
    }

    @Test
    void nestedAfterAStructSkipsTheStruct() {
        ByteBuffer buffer = built(new MessageBuilder(0, 0).nest(IflaInfo.VETH_INFO_PEER,
                peer -> peer.struct(IfInfoMsg.ofIndex(0)).string(Ifla.IFNAME, "mdnptc0")));
        AttrReader attrs = AttrReader.of(buffer, 16, buffer.limit());
        attrs.next();

        AttrReader peer = attrs.nested(IfInfoMsg.LENGTH);

        assertThat(peer.next()).isTrue();
        assertThat(peer.string()).isEqualTo("mdnptc0");
    }

    @Test
    void lengthBelowTheHeaderIsMalformed() {
        AttrReader attrs = AttrReader.of(raw(3, 1, 0, 0), 0, 6);

        assertThatThrownBy(attrs::next).isInstanceOf(WireFormatException.class).hasMessageContaining("nla_len 3");
    }

    @Test
    void lengthPastTheRegionIsMalformed() {
        AttrReader attrs = AttrReader.of(raw(12, 1, 0, 0), 0, 8);

        assertThatThrownBy(attrs::next).isInstanceOf(WireFormatException.class).hasMessageContaining("nla_len 12");
    }

    @Test
    void payloadTooShortForItsTypeIsMalformed() {
        AttrReader attrs = AttrReader.of(raw(6, Ifla.MTU, 0, 0), 0, 8);
        attrs.next();

        assertThatThrownBy(attrs::u32).isInstanceOf(WireFormatException.class);
    }

    @Test
    void trailingBytesShorterThanAHeaderAreIgnored() {
        AttrReader attrs = AttrReader.of(raw(4, 1, 0, 0), 0, 7);

        assertThat(attrs.next()).isTrue();
        assertThat(attrs.length()).isZero();
        assertThat(attrs.next()).isFalse();
    }

    @Test
    void stringEndsAtTheFirstNul() {
        ByteBuffer buffer = built(new MessageBuilder(0, 0).bytes(Ifla.IFNAME, new byte[] {'a', 'b', 0, 'c', 0}));
        AttrReader attrs = AttrReader.of(buffer, 16, buffer.limit());
        attrs.next();

        assertThat(attrs.string()).isEqualTo("ab");
    }

    @Test
    void readingBeforeNextIsAnError() {
        AttrReader attrs = AttrReader.of(raw(8, 1, 0, 0), 0, 8);

        assertThatThrownBy(attrs::u32).isInstanceOf(IllegalStateException.class);
    }

    private static List<Integer> types(AttrReader attrs) {
        List<Integer> types = new ArrayList<>();
        while (attrs.next()) {
            types.add(attrs.type());
        }
        return types;
    }

    private static ByteBuffer built(MessageBuilder builder) {
        return ByteBuffer.wrap(builder.toBytes(1, 1)).order(ByteOrder.nativeOrder());
    }

    /** A buffer starting with an attribute header, then the given 16-bit words. */
    private static ByteBuffer raw(int nlaLen, int type, int... words) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 2 * words.length).order(ByteOrder.nativeOrder());
        buffer.putShort((short) nlaLen).putShort((short) type);
        for (int word : words) {
            buffer.putShort((short) word);
        }
        return buffer.flip();
    }
}
