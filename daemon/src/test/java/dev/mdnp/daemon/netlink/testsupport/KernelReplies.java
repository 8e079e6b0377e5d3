package dev.mdnp.daemon.netlink.testsupport;

import dev.mdnp.daemon.netlink.wire.MessageBuilder;
import dev.mdnp.daemon.netlink.wire.NlMsgErr;
import dev.mdnp.daemon.netlink.wire.NlMsgHeader;
import dev.mdnp.daemon.netlink.wire.NlmF;
import dev.mdnp.daemon.netlink.wire.Nlmsg;
import dev.mdnp.daemon.netlink.wire.WireStruct;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Builds messages the way the kernel answers, for unit tests without a kernel: acknowledgements, errors with and
 * without extended-ack text, the end of a dump, and datagrams of several messages. {@code NETLINK_CAP_ACK} is
 * assumed, as the real socket sets it.
 */
public final class KernelReplies {

    private KernelReplies() {
    }

    /** Returns the header of a request as sent. */
    public static NlMsgHeader headerOf(byte[] request) {
        return NlMsgHeader.decode(ByteBuffer.wrap(request).order(ByteOrder.nativeOrder()), 0);
    }

    /** Returns the acknowledgement of a request: NLMSG_ERROR with error 0 and the echoed header. */
    public static byte[] ack(NlMsgHeader request) {
        return new MessageBuilder(Nlmsg.ERROR, NlmF.CAPPED).struct(new ErrorStruct(0, request))
                .toBytes(request.seq(), request.pid());
    }

    /** Returns a refusal of a request with a positive {@code errno} and, unless empty, extended-ack text. */
    public static byte[] error(NlMsgHeader request, int errno, String text) {
        int flags = NlmF.CAPPED | (text.isEmpty() ? 0 : NlmF.ACK_TLVS);
        MessageBuilder message = new MessageBuilder(Nlmsg.ERROR, flags).struct(new ErrorStruct(-errno, request));
        if (!text.isEmpty()) {
            message.string(NlMsgErr.ATTR_MSG, text).u32(NlMsgErr.ATTR_OFFS, 20);
        }
        return message.toBytes(request.seq(), request.pid());
    }

    /** Returns the end of a dump: NLMSG_DONE with {@code error} (0, or a negative errno). */
    public static byte[] done(NlMsgHeader request, int error) {
        return new MessageBuilder(Nlmsg.DONE, NlmF.MULTI).struct(new IntStruct(error))
                .toBytes(request.seq(), request.pid());
    }

    /** Returns the messages back to back, as the kernel packs them into one datagram. */
    public static byte[] datagram(byte[]... messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] message : messages) {
            out.writeBytes(message);
        }
        return out.toByteArray();
    }

    /** {@code struct nlmsgerr} with a capped echo: the error, then the request's header. */
    private record ErrorStruct(int error, NlMsgHeader echoed) implements WireStruct {
        @Override
        public int length() {
            return 4 + NlMsgHeader.LENGTH;
        }

        @Override
        public void writeTo(ByteBuffer buffer) {
            buffer.putInt(error);
            echoed.writeTo(buffer);
        }
    }

    /** The {@code int} payload of NLMSG_DONE. */
    private record IntStruct(int value) implements WireStruct {
        @Override
        public int length() {
            return 4;
        }

        @Override
        public void writeTo(ByteBuffer buffer) {
            buffer.putInt(value);
        }
    }
}
