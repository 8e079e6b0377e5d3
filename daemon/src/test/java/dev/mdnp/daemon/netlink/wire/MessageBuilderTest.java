package dev.mdnp.daemon.netlink.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class MessageBuilderTest {

    @Test
    void headerCarriesTotalLengthTypeFlagsSeqAndPortId() {
        byte[] message = new MessageBuilder(Rtm.GETLINK, NlmF.REQUEST | NlmF.DUMP).struct(IfInfoMsg.ofIndex(0))
                .toBytes(7, 4242);

        NlMsgHeader header = NlMsgHeader.decode(host(message), 0);

        assertThat(header).isEqualTo(new NlMsgHeader(32, Rtm.GETLINK, 0x301, 7, 4242));
        assertThat(message).hasSize(32);
    }

    @Test
    void nlaLenExcludesPaddingWhileTheNextAttributeStartsAligned() {
        byte[] message = new MessageBuilder(Rtm.NEWLINK, 0).string(Ifla.IFNAME, "abcd").u32(Ifla.MTU, 1400)
                .toBytes(1, 1);
        ByteBuffer buffer = host(message);

        assertThat(buffer.getShort(16)).as("nla_len of \"abcd\\0\"").isEqualTo((short) 9);
        assertThat(buffer.get(16 + 4 + 4)).as("the NUL").isZero();
        assertThat(buffer.getShort(28)).as("next nla_len at 16 + align(9)").isEqualTo((short) 8);
        assertThat(buffer.getInt(32)).isEqualTo(1400);
        assertThat(buffer.getInt(0)).as("nlmsg_len includes the padding").isEqualTo(36);
    }

    @Test
    void u8AttributeTakesEightBytesOnTheWire() {
        byte[] message = new MessageBuilder(Rtm.NEWLINK, 0).u8(Ifla.OPERSTATE, 6).toBytes(1, 1);

        assertThat(message).hasSize(16 + 8);
        assertThat(host(message).getShort(16)).isEqualTo((short) 5);
    }

    @Test
    void structIsPaddedToFourBytes() {
        byte[] message = new MessageBuilder(Rtm.NEWLINK, 0).struct(new FiveByteStruct()).u32(Ifla.MTU, 1)
                .toBytes(1, 1);

        assertThat(host(message).getShort(16 + 8)).as("attribute after 5 + 3 bytes").isEqualTo((short) 8);
    }

    @Test
    void nestLengthCoversItsChildrenAndTheirPadding() {
        byte[] message = new MessageBuilder(Rtm.NEWLINK, 0)
                .nest(Ifla.LINKINFO, info -> info.string(IflaInfo.KIND, "veth"))
                .toBytes(1, 1);
        ByteBuffer buffer = host(message);

        assertThat(buffer.getShort(16)).as("4 + align(4 + 5)").isEqualTo((short) 16);
        assertThat(buffer.getShort(18)).isEqualTo((short) Ifla.LINKINFO);
        assertThat(buffer.getShort(20)).as("the child's own nla_len").isEqualTo((short) 9);
    }

    @Test
    void nestedNestsArePatchedEachToItsOwnEnd() {
        byte[] message = new MessageBuilder(Rtm.NEWLINK, 0)
                .nest(1, outer -> outer.nest(2, inner -> inner.u32(3, 42)).u32(4, 43))
                .toBytes(1, 1);
        ByteBuffer buffer = host(message);

        assertThat(buffer.getShort(16)).as("outer: 4 + inner 12 + u32 8").isEqualTo((short) 24);
        assertThat(buffer.getShort(20)).as("inner: 4 + u32 8").isEqualTo((short) 12);
        assertThat(buffer.getInt(0)).isEqualTo(40);
    }

    @Test
    void toBytesCanBeCalledAgainWithAnotherSequenceNumber() {
        MessageBuilder builder = new MessageBuilder(Rtm.DELLINK, NlmF.REQUEST).string(Ifla.IFNAME, "x");

        byte[] first = builder.toBytes(1, 9);
        byte[] second = builder.toBytes(2, 9);

        assertThat(host(first).getInt(8)).isEqualTo(1);
        assertThat(host(second).getInt(8)).isEqualTo(2);
        assertThat(first).hasSameSizeAs(second);
    }

    @Test
    void growsPastItsInitialCapacity() {
        byte[] big = new byte[5000];
        big[4999] = 7;

        byte[] message = new MessageBuilder(Rtm.NEWLINK, 0).bytes(Ifla.ADDRESS, big).u32(Ifla.MTU, 1).toBytes(1, 1);

        assertThat(message).hasSize(16 + 5004 + 8);
        assertThat(message[16 + 4 + 4999]).isEqualTo((byte) 7);
    }

    @Test
    void attributeLongerThanNlaLenHoldsIsRefused() {
        MessageBuilder builder = new MessageBuilder(Rtm.NEWLINK, 0);

        assertThatThrownBy(() -> builder.bytes(Ifla.ADDRESS, new byte[70_000]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void integersAreInHostByteOrder() {
        byte[] message = new MessageBuilder(Rtm.NEWLINK, 0).u32(Ifla.MTU, 0x01020304).toBytes(1, 1);

        assertThat(ByteBuffer.wrap(message, 20, 4).order(ByteOrder.nativeOrder()).getInt()).isEqualTo(0x01020304);
    }

    private static ByteBuffer host(byte[] message) {
        return ByteBuffer.wrap(message).order(ByteOrder.nativeOrder());
    }

    /** A struct whose size is not a multiple of 4. */
    private static final class FiveByteStruct implements WireStruct {
        @Override
        public int length() {
            return 5;
        }

        @Override
        public void writeTo(ByteBuffer buffer) {
            buffer.put(new byte[] {1, 2, 3, 4, 5});
        }
    }
}
