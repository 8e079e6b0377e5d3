package dev.mdnp.daemon.netlink.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over the attributes in a region of a received message (the layout is in {@link MessageBuilder}).
 *
 * <pre>{@code
 * AttrReader attrs = AttrReader.of(payload, IfInfoMsg.LENGTH, payload.limit());
 * while (attrs.next()) {
 *     switch (attrs.type()) { case Ifla.IFNAME -> name = attrs.string(); ... }
 * }
 * }</pre>
 *
 * <p>{@link #type()} is masked with {@code NLA_TYPE_MASK} (0x3fff), dropping {@code NLA_F_NESTED} and
 * {@code NLA_F_NET_BYTEORDER}. The cursor steps by {@code NLA_ALIGN(nla_len)}. An attribute whose length is below 4
 * or runs past the region throws {@link WireFormatException}; so does reading a payload as a type it is too short
 * for. Not thread-safe; it only reads the buffer, by absolute index, and never moves the buffer's position.
 */
public final class AttrReader {

    /** {@code NLA_TYPE_MASK}. */
    public static final int TYPE_MASK = 0x3fff;

    private static final int HEADER = 4;

    private final ByteBuffer buffer;
    private final int end;
    private int next;
    private int type = -1;
    private int payloadStart;
    private int payloadLength;

    private AttrReader(ByteBuffer buffer, int from, int to) {
        this.buffer = buffer;
        this.next = from;
        this.end = to;
    }

    /** Returns a cursor over the attributes between {@code from} and {@code to} of a buffer in host byte order. */
    public static AttrReader of(ByteBuffer buffer, int from, int to) {
        if (from < 0 || to > buffer.limit() || from > to) {
            throw new WireFormatException("attribute region " + from + ".." + to + " outside 0.." + buffer.limit());
        }
        return new AttrReader(buffer, from, to);
    }

    /** Moves to the next attribute; returns false when the region is used up (trailing bytes under 4 are ignored). */
    public boolean next() {
        if (end - next < HEADER) {
            type = -1;
            return false;
        }
        int length = Short.toUnsignedInt(buffer.getShort(next));
        if (length < HEADER || length > end - next) {
            throw new WireFormatException("attribute at " + next + " has nla_len " + length + " but "
                    + (end - next) + " bytes are left");
        }
        type = Short.toUnsignedInt(buffer.getShort(next + 2)) & TYPE_MASK;
        payloadStart = next + HEADER;
        payloadLength = length - HEADER;
        next = Math.min(end, next + Nlmsg.align(length));
        return true;
    }

    /** Returns the current attribute's type without the nested and byte-order bits. */
    public int type() {
        return type;
    }

    /** Returns the length of the current attribute's payload. */
    public int length() {
        return payloadLength;
    }

    /** Returns the payload as an unsigned byte. */
    public int u8() {
        require(1);
        return Byte.toUnsignedInt(buffer.get(payloadStart));
    }

    /** Returns the payload as a u32 in host byte order (signed in Java). */
    public int u32() {
        require(4);
        return buffer.getInt(payloadStart);
    }

    /** Returns the payload as a u64 in host byte order (signed in Java). */
    public long u64() {
        require(8);
        return buffer.getLong(payloadStart);
    }

    /** Returns the u64 at {@code index} (0, 1, ...) of a payload that is an array of u64, such as IFLA_STATS64. */
    public long u64At(int index) {
        require(8 * (index + 1));
        return buffer.getLong(payloadStart + 8 * index);
    }

    /** Returns the payload as a UTF-8 string, up to the first NUL. */
    public String string() {
        int length = 0;
        while (length < payloadLength && buffer.get(payloadStart + length) != 0) {
            length++;
        }
        byte[] text = new byte[length];
        buffer.get(payloadStart, text);
        return new String(text, StandardCharsets.UTF_8);
    }

    /** Returns a copy of the payload. */
    public byte[] bytes() {
        byte[] copy = new byte[payloadLength];
        buffer.get(payloadStart, copy);
        return copy;
    }

    /** Returns a cursor over the payload read as attributes, for a nest. */
    public AttrReader nested() {
        return nested(0);
    }

    /** Returns a cursor over the payload after a fixed struct of {@code skip} bytes, as in {@code VETH_INFO_PEER}. */
    public AttrReader nested(int skip) {
        require(skip);
        return new AttrReader(buffer, payloadStart + Nlmsg.align(skip), payloadStart + payloadLength);
    }

    private void require(int bytes) {
        if (type < 0) {
            throw new IllegalStateException("no current attribute: call next() first");
        }
        if (payloadLength < bytes) {
            throw new WireFormatException("attribute " + type + " has " + payloadLength + " bytes, needs " + bytes);
        }
    }
}
