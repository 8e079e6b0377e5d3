package dev.mdnp.daemon.netlink.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The kernel structs: their sizes, their field offsets and a round trip through the bytes. */
class WireStructTest {

    @Test
    void ifInfoMsgHasTheKernelsLayout() {
        IfInfoMsg struct = new IfInfoMsg(Af.UNSPEC, 1, 7, Iff.UP, Iff.UP);
        ByteBuffer bytes = write(struct);

        assertThat(bytes.limit()).isEqualTo(16);
        assertThat(bytes.getShort(2)).as("ifi_type").isEqualTo((short) 1);
        assertThat(bytes.getInt(4)).as("ifi_index").isEqualTo(7);
        assertThat(bytes.getInt(12)).as("ifi_change").isEqualTo(Iff.UP);
        assertThat(IfInfoMsg.decode(bytes, 0)).isEqualTo(struct);
    }

    @Test
    void ifAddrMsgHasTheKernelsLayout() {
        IfAddrMsg struct = new IfAddrMsg(Af.INET6, 64, Ifa.F_NODAD, Rt.SCOPE_UNIVERSE, 9);
        ByteBuffer bytes = write(struct);

        assertThat(bytes.limit()).isEqualTo(8);
        assertThat(bytes.get(1)).as("ifa_prefixlen").isEqualTo((byte) 64);
        assertThat(bytes.getInt(4)).as("ifa_index").isEqualTo(9);
        assertThat(IfAddrMsg.decode(bytes, 0)).isEqualTo(struct);
    }

    @Test
    void rtMsgHasTheKernelsLayout() {
        RtMsg struct = new RtMsg(Af.INET, 24, 0, 0, Rt.TABLE_MAIN, Rt.PROT_BOOT, Rt.SCOPE_LINK, Rt.RTN_UNICAST, 0);
        ByteBuffer bytes = write(struct);

        assertThat(bytes.limit()).isEqualTo(12);
        assertThat(Byte.toUnsignedInt(bytes.get(4))).as("rtm_table").isEqualTo(254);
        assertThat(Byte.toUnsignedInt(bytes.get(6))).as("rtm_scope").isEqualTo(253);
        assertThat(RtMsg.decode(bytes, 0)).isEqualTo(struct);
    }

    @Test
    void nlMsgHeaderRoundTripsUnsignedTypeAndFlags() {
        NlMsgHeader header = new NlMsgHeader(20, 0xfffe, 0xffff, -1, 123);
        ByteBuffer bytes = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
        header.writeTo(bytes);

        assertThat(NlMsgHeader.decode(bytes.flip(), 0)).isEqualTo(header);
    }

    @Test
    void decodingFromTooFewBytesIsMalformed() {
        ByteBuffer bytes = ByteBuffer.allocate(11).order(ByteOrder.nativeOrder());

        assertThatThrownBy(() -> IfInfoMsg.decode(bytes, 0)).isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> RtMsg.decode(bytes, 0)).isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> IfAddrMsg.decode(bytes, 4)).isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> NlMsgHeader.decode(bytes, 0)).isInstanceOf(WireFormatException.class);
    }

    private static ByteBuffer write(WireStruct struct) {
        ByteBuffer buffer = ByteBuffer.allocate(struct.length()).order(ByteOrder.nativeOrder());
        struct.writeTo(buffer);
        return buffer.flip();
    }
}
