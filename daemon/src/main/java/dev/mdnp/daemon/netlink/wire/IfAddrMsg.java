package dev.mdnp.daemon.netlink.wire;

import java.nio.ByteBuffer;

/**
 * The fixed header of address messages (RTM_NEWADDR, RTM_DELADDR, RTM_GETADDR).
 *
 * <pre>
 * struct ifaddrmsg {           // 8 bytes, &lt;linux/if_addr.h&gt;
 *     __u8  ifa_family;        // 0: AF_INET or AF_INET6 (AF_UNSPEC in a dump: both)
 *     __u8  ifa_prefixlen;     // 1
 *     __u8  ifa_flags;         // 2: IFA_F_* (the low 8 bits)
 *     __u8  ifa_scope;         // 3: RT_SCOPE_*
 *     __u32 ifa_index;         // 4: link index; ignored by dumps without NETLINK_GET_STRICT_CHK
 * };
 * </pre>
 *
 * @param family       {@code ifa_family}
 * @param prefixLength {@code ifa_prefixlen}
 * @param flags        {@code ifa_flags}
 * @param scope        {@code ifa_scope}
 * @param index        {@code ifa_index}
 */
public record IfAddrMsg(int family, int prefixLength, int flags, int scope, int index) implements WireStruct {

    /** {@code sizeof(struct ifaddrmsg)}. */
    public static final int LENGTH = 8;

    /** Reads the struct at {@code offset} of a buffer in host byte order. */
    public static IfAddrMsg decode(ByteBuffer buffer, int offset) {
        if (buffer.limit() - offset < LENGTH) {
            throw new WireFormatException("ifaddrmsg needs 8 bytes, " + (buffer.limit() - offset) + " left");
        }
        return new IfAddrMsg(Byte.toUnsignedInt(buffer.get(offset)), Byte.toUnsignedInt(buffer.get(offset + 1)),
                Byte.toUnsignedInt(buffer.get(offset + 2)), Byte.toUnsignedInt(buffer.get(offset + 3)),
                buffer.getInt(offset + 4));
    }

    @Override
    public int length() {
        return LENGTH;
    }

    @Override
    public void writeTo(ByteBuffer buffer) {
        buffer.put((byte) family).put((byte) prefixLength).put((byte) flags).put((byte) scope).putInt(index);
    }
}
