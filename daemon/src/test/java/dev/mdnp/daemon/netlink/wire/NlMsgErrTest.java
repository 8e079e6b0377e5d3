package dev.mdnp.daemon.netlink.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.daemon.netlink.testsupport.KernelReplies;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class NlMsgErrTest {

    private static final NlMsgHeader REQUEST = new NlMsgHeader(40, Rtm.SETLINK, NlmF.REQUEST | NlmF.ACK, 3, 77);

    @Test
    void ackHasErrorZeroAndNoText() {
        NlMsgErr ack = NlMsgErr.decodeError(only(KernelReplies.ack(REQUEST)));

        assertThat(ack).isEqualTo(new NlMsgErr(0, ""));
    }

    @Test
    void errorCarriesTheNegativeErrnoAndTheExtendedAckText() {
        NlMsgErr error = NlMsgErr.decodeError(only(KernelReplies.error(REQUEST, 22, "mtu less than device minimum")));

        assertThat(error).isEqualTo(new NlMsgErr(-22, "mtu less than device minimum"));
    }

    @Test
    void errorWithoutTextHasAnEmptyMessage() {
        assertThat(NlMsgErr.decodeError(only(KernelReplies.error(REQUEST, 19, ""))))
                .isEqualTo(new NlMsgErr(-19, ""));
    }

    @Test
    void uncappedErrorSkipsTheEchoedRequestBeforeTheText() {
        byte[] request = new MessageBuilder(Rtm.NEWLINK, NlmF.REQUEST).struct(IfInfoMsg.ofIndex(0))
                .string(Ifla.IFNAME, "mdnpt0").toBytes(3, 77);
        NlMsgHeader echoed = KernelReplies.headerOf(request);
        byte[] reply = new MessageBuilder(Nlmsg.ERROR, NlmF.ACK_TLVS)
                .struct(new Uncapped(-17, request))
                .string(NlMsgErr.ATTR_MSG, "exists")
                .toBytes(echoed.seq(), echoed.pid());

        assertThat(NlMsgErr.decodeError(only(reply))).isEqualTo(new NlMsgErr(-17, "exists"));
    }

    @Test
    void doneCarriesTheDumpsResult() {
        assertThat(NlMsgErr.decodeDone(only(KernelReplies.done(REQUEST, 0)))).isEqualTo(new NlMsgErr(0, ""));
        assertThat(NlMsgErr.decodeDone(only(KernelReplies.done(REQUEST, -16)))).isEqualTo(new NlMsgErr(-16, ""));
    }

    @Test
    void doneWithoutPayloadIsSuccess() {
        byte[] done = new MessageBuilder(Nlmsg.DONE, NlmF.MULTI).toBytes(1, 1);

        assertThat(NlMsgErr.decodeDone(only(done)).error()).isZero();
    }

    private static NlMessage only(byte[] message) {
        return NlMessage.split(ByteBuffer.wrap(message).order(ByteOrder.nativeOrder()), message.length).get(0);
    }

    /** {@code struct nlmsgerr} echoing the whole request, as without {@code NETLINK_CAP_ACK}. */
    private record Uncapped(int error, byte[] request) implements WireStruct {
        @Override
        public int length() {
            return 4 + request.length;
        }

        @Override
        public void writeTo(ByteBuffer buffer) {
            buffer.putInt(error).put(request);
        }
    }
}
