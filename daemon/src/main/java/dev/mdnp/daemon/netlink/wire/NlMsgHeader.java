package dev.mdnp.daemon.netlink.wire;

import java.nio.ByteBuffer;

/**
 * The header that starts every netlink message.
 *
 * <pre>
 * struct nlmsghdr {            // 16 bytes, &lt;linux/netlink.h&gt;
 *     __u32 nlmsg_len;         //  0: length of header, payload and its padding
 *     __u16 nlmsg_type;        //  4: RTM_* or NLMSG_*
 *     __u16 nlmsg_flags;       //  6: NLM_F_*
 *     __u32 nlmsg_seq;         //  8: sequence number, echoed in the reply
 *     __u32 nlmsg_pid;         // 12: port id of the sender (0 = kernel), echoed in the reply
 * };
 * </pre>
 *
 * @param length {@code nlmsg_len}
 * @param type   {@code nlmsg_type}, unsigned
 * @param flags  {@code nlmsg_flags}, unsigned
 * @param seq    {@code nlmsg_seq}
 * @param pid    {@code nlmsg_pid}
 */
public record NlMsgHeader(int length, int type, int flags, int seq, int pid) {

    /** {@code NLMSG_HDRLEN}. */
    public static final int LENGTH = 16;

    /** Reads a header at {@code offset} of a buffer in host byte order. */
    public static NlMsgHeader decode(ByteBuffer buffer, int offset) {
        if (buffer.limit() - offset < LENGTH) {
            throw new WireFormatException("netlink header needs 16 bytes, " + (buffer.limit() - offset) + " left");
        }
        return new NlMsgHeader(buffer.getInt(offset), Short.toUnsignedInt(buffer.getShort(offset + 4)),
                Short.toUnsignedInt(buffer.getShort(offset + 6)), buffer.getInt(offset + 8),
                buffer.getInt(offset + 12));
    }

    /** Writes the header at the buffer's position, in the buffer's byte order, and advances the position. */
    public void writeTo(ByteBuffer buffer) {
        buffer.putInt(length).putShort((short) type).putShort((short) flags).putInt(seq).putInt(pid);
    }
}
