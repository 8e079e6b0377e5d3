package dev.mdnp.daemon.netlink.wire;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Builds one netlink request: the header, a fixed struct, then attributes, each aligned to 4 bytes.
 *
 * <pre>
 * struct nlattr {              // 4 bytes, &lt;linux/netlink.h&gt;, then the payload, then padding to 4 bytes
 *     __u16 nla_len;           // header plus payload, WITHOUT the trailing padding
 *     __u16 nla_type;          // type; bit 15 NLA_F_NESTED, bit 14 NLA_F_NET_BYTEORDER
 * };
 * </pre>
 *
 * <p>A nest is an attribute whose payload is attributes; its {@code nla_len} covers its children including their
 * padding and is patched by {@link #nest} once the children are written. The message's {@code nlmsg_len} covers
 * everything including padding. Sequence number and port id are written by {@link #toBytes} so one built request
 * can be compared byte for byte in tests. Integers are written in host byte order, addresses as the raw
 * network-order bytes the caller passes.
 *
 * <p>Not thread-safe: one builder per request, used by one thread.
 */
public final class MessageBuilder {

    private static final int ATTR_HEADER = 4;
    private static final int MAX_ATTR_LENGTH = 0xffff;

    private final int type;
    private final int flags;
    private ByteBuffer buffer = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());

    /** Starts a message of type {@code type} ({@link Rtm}) with header flags {@code flags} ({@link NlmF}). */
    public MessageBuilder(int type, int flags) {
        this.type = type;
        this.flags = flags;
        buffer.position(NlMsgHeader.LENGTH);
    }

    /** Returns the message type. */
    public int type() {
        return type;
    }

    /** Returns the header flags. */
    public int flags() {
        return flags;
    }

    /** Appends a fixed struct such as {@link IfInfoMsg}, padded to 4 bytes. */
    public MessageBuilder struct(WireStruct struct) {
        ensure(Nlmsg.align(struct.length()));
        int start = buffer.position();
        struct.writeTo(buffer);
        if (buffer.position() - start != struct.length()) {
            throw new IllegalStateException(struct + " wrote " + (buffer.position() - start) + " bytes");
        }
        pad();
        return this;
    }

    /** Appends an attribute with a u8 payload. */
    public MessageBuilder u8(int attrType, int value) {
        return attr(attrType, new byte[] {(byte) value});
    }

    /** Appends an attribute with a u32 payload in host byte order. */
    public MessageBuilder u32(int attrType, int value) {
        byte[] payload = new byte[4];
        ByteBuffer.wrap(payload).order(ByteOrder.nativeOrder()).putInt(value);
        return attr(attrType, payload);
    }

    /** Appends an attribute with a NUL-terminated UTF-8 string payload. */
    public MessageBuilder string(int attrType, String value) {
        byte[] text = value.getBytes(StandardCharsets.UTF_8);
        return attr(attrType, Arrays.copyOf(text, text.length + 1));
    }

    /** Appends an attribute with raw bytes, such as a MAC or an address in network byte order. */
    public MessageBuilder bytes(int attrType, byte[] value) {
        return attr(attrType, value.clone());
    }

    /**
     * Appends a nest: an attribute of type {@code attrType} whose payload is what {@code children} appends to this
     * builder (attributes, or a struct then attributes as in {@code VETH_INFO_PEER}); its length is patched after.
     */
    public MessageBuilder nest(int attrType, Consumer<MessageBuilder> children) {
        requireNonNull(children, "children");
        ensure(ATTR_HEADER);
        int start = buffer.position();
        buffer.putShort((short) 0).putShort((short) attrType);
        children.accept(this);
        int length = buffer.position() - start;
        if (length > MAX_ATTR_LENGTH) {
            throw new IllegalArgumentException("nest " + attrType + " is " + length + " bytes, over nla_len's 65535");
        }
        buffer.putShort(start, (short) length);
        return this;
    }

    /** Returns the whole message with {@code nlmsg_seq} and {@code nlmsg_pid} filled in; the builder stays usable. */
    public byte[] toBytes(int seq, int portId) {
        int length = buffer.position();
        byte[] message = Arrays.copyOf(buffer.array(), length);
        new NlMsgHeader(length, type, flags, seq, portId).writeTo(ByteBuffer.wrap(message).order(buffer.order()));
        return message;
    }

    private MessageBuilder attr(int attrType, byte[] payload) {
        int length = ATTR_HEADER + payload.length;
        if (length > MAX_ATTR_LENGTH) {
            throw new IllegalArgumentException("attribute " + attrType + " is " + length
                    + " bytes, over nla_len's 65535");
        }
        ensure(Nlmsg.align(length));
        buffer.putShort((short) length).putShort((short) attrType).put(payload);
        pad();
        return this;
    }

    private void pad() {
        while (buffer.position() % Nlmsg.ALIGNTO != 0) {
            buffer.put((byte) 0);
        }
    }

    private void ensure(int more) {
        if (buffer.remaining() >= more) {
            return;
        }
        ByteBuffer larger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + more))
                .order(buffer.order());
        buffer.flip();
        larger.put(buffer);
        buffer = larger;
    }
}
