package dev.mdnp.daemon.netlink.wire;

import java.nio.ByteBuffer;

/**
 * The payload of an {@code NLMSG_ERROR} reply (an acknowledgement when {@code error} is 0), or of an
 * {@code NLMSG_DONE} that ends a dump, with the extended-ack text when the kernel gave one.
 *
 * <pre>
 * struct nlmsgerr {            // &lt;linux/netlink.h&gt;
 *     int error;               //  0: 0 = ack, else a negative errno
 *     struct nlmsghdr msg;     //  4: the request's header, then its payload unless NLM_F_CAPPED is set
 * };                           //     then, with NLM_F_ACK_TLVS, attributes NLMSGERR_ATTR_*
 *
 * NLMSG_DONE payload:          int error (0, or a negative errno), then NLMSGERR_ATTR_* with NLM_F_ACK_TLVS
 * </pre>
 *
 * @param error   0, or a negative errno
 * @param message the kernel's {@code NLMSGERR_ATTR_MSG}, such as {@code "mtu less than device minimum"}; empty when
 *                there was none
 */
public record NlMsgErr(int error, String message) {

    /** {@code NLMSGERR_ATTR_MSG}: the error text, a string. */
    public static final int ATTR_MSG = 1;
    /** {@code NLMSGERR_ATTR_OFFS}: u32 offset of the offending attribute in the request. */
    public static final int ATTR_OFFS = 2;

    /** Reads the payload of an {@code NLMSG_ERROR} message. */
    public static NlMsgErr decodeError(NlMessage message) {
        ByteBuffer payload = message.payload();
        if (payload.limit() < 4) {
            throw new WireFormatException("NLMSG_ERROR needs 4 bytes, has " + payload.limit());
        }
        int error = payload.getInt(0);
        int echoed = 4;
        if (payload.limit() >= 4 + NlMsgHeader.LENGTH) {
            NlMsgHeader request = NlMsgHeader.decode(payload, 4);
            boolean capped = (message.header().flags() & NlmF.CAPPED) != 0;
            // An ack (error 0) never echoes the payload; an error does unless NETLINK_CAP_ACK trimmed it.
            echoed += capped || error == 0 ? NlMsgHeader.LENGTH : Nlmsg.align(request.length());
        }
        return new NlMsgErr(error, extAckText(message, payload, echoed));
    }

    /** Reads the payload of an {@code NLMSG_DONE} message; an empty payload counts as success. */
    public static NlMsgErr decodeDone(NlMessage message) {
        ByteBuffer payload = message.payload();
        if (payload.limit() < 4) {
            return new NlMsgErr(0, "");
        }
        return new NlMsgErr(payload.getInt(0), extAckText(message, payload, 4));
    }

    private static String extAckText(NlMessage message, ByteBuffer payload, int tlvStart) {
        if ((message.header().flags() & NlmF.ACK_TLVS) == 0 || tlvStart >= payload.limit()) {
            return "";
        }
        AttrReader attrs = AttrReader.of(payload, tlvStart, payload.limit());
        while (attrs.next()) {
            if (attrs.type() == ATTR_MSG) {
                return attrs.string();
            }
        }
        return "";
    }
}
