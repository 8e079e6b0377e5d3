package dev.mdnp.daemon.netlink.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdnp.daemon.netlink.testsupport.KernelReplies;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class NlMessageTest {

    @Test
    void splitsBackToBackMessagesAtAlignedOffsets() {
        byte[] first = new MessageBuilder(Rtm.NEWLINK, NlmF.MULTI).struct(IfInfoMsg.ofIndex(1))
                .string(Ifla.IFNAME, "lo").toBytes(5, 9);
        byte[] second = new MessageBuilder(Rtm.NEWLINK, NlmF.MULTI).struct(IfInfoMsg.ofIndex(2))
                .string(Ifla.IFNAME, "mdnptbr0").toBytes(5, 9);
        byte[] datagram = KernelReplies.datagram(first, second);

        List<NlMessage> messages = NlMessage.split(direct(datagram), datagram.length);

        assertThat(messages).hasSize(2);
        assertThat(messages).extracting(message -> IfInfoMsg.decode(message.payload(), 0).index())
                .containsExactly(1, 2);
        assertThat(messages.get(1).payload().limit()).isEqualTo(second.length - NlMsgHeader.LENGTH);
    }

    @Test
    void readsTheDatagramInHostOrderWhateverTheBuffersOrder() {
        byte[] message = new MessageBuilder(Rtm.NEWLINK, 0).struct(IfInfoMsg.ofIndex(7)).toBytes(1, 1);
        ByteBuffer bigEndian = direct(message).order(ByteOrder.BIG_ENDIAN);

        NlMessage parsed = NlMessage.split(bigEndian, message.length).get(0);

        assertThat(parsed.header().length()).isEqualTo(message.length);
        assertThat(IfInfoMsg.decode(parsed.payload(), 0).index()).isEqualTo(7);
    }

    @Test
    void onlyTheReceivedLengthIsRead() {
        byte[] message = new MessageBuilder(Rtm.NEWLINK, 0).struct(IfInfoMsg.ofIndex(7)).toBytes(1, 1);
        ByteBuffer buffer = ByteBuffer.allocateDirect(4096);
        buffer.put(message);

        assertThat(NlMessage.split(buffer, message.length)).hasSize(1);
    }

    @Test
    void lengthPastTheDatagramIsMalformed() {
        byte[] message = new MessageBuilder(Rtm.NEWLINK, 0).struct(IfInfoMsg.ofIndex(7)).toBytes(1, 1);

        assertThatThrownBy(() -> NlMessage.split(direct(message), message.length - 4))
                .isInstanceOf(WireFormatException.class);
    }

    @Test
    void lengthBelowTheHeaderIsMalformed() {
        ByteBuffer buffer = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
        buffer.putInt(0, 8);

        assertThatThrownBy(() -> NlMessage.split(buffer, 16)).isInstanceOf(WireFormatException.class);
    }

    @Test
    void payloadViewIsReadOnly() {
        byte[] message = new MessageBuilder(Rtm.NEWLINK, 0).struct(IfInfoMsg.ofIndex(7)).toBytes(1, 1);

        assertThat(NlMessage.split(direct(message), message.length).get(0).payload().isReadOnly()).isTrue();
    }

    private static ByteBuffer direct(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length).order(ByteOrder.nativeOrder());
        return buffer.put(bytes).flip();
    }
}
