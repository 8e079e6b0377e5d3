package dev.mdnp.daemon.netlink.wire;

import java.nio.ByteBuffer;

/**
 * The fixed header of route messages (RTM_NEWROUTE, RTM_DELROUTE, RTM_GETROUTE).
 *
 * <pre>
 * struct rtmsg {               // 12 bytes, &lt;linux/rtnetlink.h&gt;
 *     unsigned char rtm_family;    //  0: AF_INET or AF_INET6
 *     unsigned char rtm_dst_len;   //  1: destination prefix length
 *     unsigned char rtm_src_len;   //  2
 *     unsigned char rtm_tos;       //  3
 *     unsigned char rtm_table;     //  4: RT_TABLE_*
 *     unsigned char rtm_protocol;  //  5: RTPROT_*
 *     unsigned char rtm_scope;     //  6: RT_SCOPE_*
 *     unsigned char rtm_type;      //  7: RTN_*
 *     unsigned int  rtm_flags;     //  8: RTM_F_*
 * };
 * </pre>
 *
 * @param family    {@code rtm_family}
 * @param dstLength {@code rtm_dst_len}
 * @param srcLength {@code rtm_src_len}
 * @param tos       {@code rtm_tos}
 * @param table     {@code rtm_table}
 * @param protocol  {@code rtm_protocol}
 * @param scope     {@code rtm_scope}
 * @param type      {@code rtm_type}
 * @param flags     {@code rtm_flags}
 */
public record RtMsg(int family, int dstLength, int srcLength, int tos, int table, int protocol, int scope, int type,
        int flags) implements WireStruct {

    /** {@code sizeof(struct rtmsg)}. */
    public static final int LENGTH = 12;

    /** Reads the struct at {@code offset} of a buffer in host byte order. */
    public static RtMsg decode(ByteBuffer buffer, int offset) {
        if (buffer.limit() - offset < LENGTH) {
            throw new WireFormatException("rtmsg needs 12 bytes, " + (buffer.limit() - offset) + " left");
        }
        return new RtMsg(u8(buffer, offset), u8(buffer, offset + 1), u8(buffer, offset + 2), u8(buffer, offset + 3),
                u8(buffer, offset + 4), u8(buffer, offset + 5), u8(buffer, offset + 6), u8(buffer, offset + 7),
                buffer.getInt(offset + 8));
    }

    @Override
    public int length() {
        return LENGTH;
    }

    @Override
    public void writeTo(ByteBuffer buffer) {
        buffer.put((byte) family).put((byte) dstLength).put((byte) srcLength).put((byte) tos).put((byte) table)
                .put((byte) protocol).put((byte) scope).put((byte) type).putInt(flags);
    }

    private static int u8(ByteBuffer buffer, int offset) {
        return Byte.toUnsignedInt(buffer.get(offset));
    }
}
