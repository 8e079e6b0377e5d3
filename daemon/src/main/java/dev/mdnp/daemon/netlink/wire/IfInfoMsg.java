package dev.mdnp.daemon.netlink.wire;

import java.nio.ByteBuffer;

/**
 * The fixed header of link messages (RTM_NEWLINK, RTM_DELLINK, RTM_GETLINK, RTM_SETLINK), and of a veth's
 * {@code VETH_INFO_PEER}.
 *
 * <pre>
 * struct ifinfomsg {           // 16 bytes, &lt;linux/rtnetlink.h&gt;
 *     unsigned char  ifi_family;   //  0: AF_UNSPEC
 *     unsigned char  __ifi_pad;    //  1
 *     unsigned short ifi_type;     //  2: ARPHRD_*
 *     int            ifi_index;    //  4: link index, 0 = select by IFLA_IFNAME
 *     unsigned int   ifi_flags;    //  8: IFF_*
 *     unsigned int   ifi_change;   // 12: which IFF_* bits to change; 0 on a change replaces none
 * };
 * </pre>
 *
 * @param family {@code ifi_family}
 * @param type   {@code ifi_type}
 * @param index  {@code ifi_index}
 * @param flags  {@code ifi_flags}
 * @param change {@code ifi_change}
 */
public record IfInfoMsg(int family, int type, int index, int flags, int change) implements WireStruct {

    /** {@code sizeof(struct ifinfomsg)}. */
    public static final int LENGTH = 16;

    /** Returns the header that selects a link by index (0: by name) and changes no flag. */
    public static IfInfoMsg ofIndex(int index) {
        return new IfInfoMsg(Af.UNSPEC, 0, index, 0, 0);
    }

    /** Reads the struct at {@code offset} of a buffer in host byte order. */
    public static IfInfoMsg decode(ByteBuffer buffer, int offset) {
        if (buffer.limit() - offset < LENGTH) {
            throw new WireFormatException("ifinfomsg needs 16 bytes, " + (buffer.limit() - offset) + " left");
        }
        return new IfInfoMsg(Byte.toUnsignedInt(buffer.get(offset)), Short.toUnsignedInt(buffer.getShort(offset + 2)),
                buffer.getInt(offset + 4), buffer.getInt(offset + 8), buffer.getInt(offset + 12));
    }

    @Override
    public int length() {
        return LENGTH;
    }

    @Override
    public void writeTo(ByteBuffer buffer) {
        buffer.put((byte) family).put((byte) 0).putShort((short) type).putInt(index).putInt(flags).putInt(change);
    }
}
