package dev.mdnp.daemon.netlink.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One netlink message cut out of a received datagram: its header and a read-only view of its payload (the bytes after
 * the header, up to {@code nlmsg_len}).
 *
 * <p>The payload is a view, not a copy: it is valid only until the receive buffer is reused, so parse it at once.
 * Its byte order is the host's (a slice of a {@code ByteBuffer} would be big-endian, a trap this class closes).
 */
public final class NlMessage {

    private final NlMsgHeader header;
    private final ByteBuffer payload;

    private NlMessage(NlMsgHeader header, ByteBuffer payload) {
        this.header = header;
        this.payload = payload;
    }

    /**
     * Splits the first {@code length} bytes of a datagram into its messages, stepping by {@code NLMSG_ALIGN}. The
     * datagram is read in host byte order whatever the buffer's own order (a direct buffer starts big-endian).
     *
     * @throws WireFormatException when a header's length is below 16 or runs past {@code length}
     */
    public static List<NlMessage> split(ByteBuffer datagram, int length) {
        ByteBuffer host = datagram.duplicate().order(ByteOrder.nativeOrder()); // whatever order the caller's has
        List<NlMessage> messages = new ArrayList<>();
        int offset = 0;
        while (length - offset >= NlMsgHeader.LENGTH) {
            NlMsgHeader header = NlMsgHeader.decode(host, offset);
            if (header.length() < NlMsgHeader.LENGTH || header.length() > length - offset) {
                throw new WireFormatException("message at " + offset + " has nlmsg_len " + header.length() + " but "
                        + (length - offset) + " bytes are left");
            }
            ByteBuffer payload = host.slice(offset + NlMsgHeader.LENGTH, header.length() - NlMsgHeader.LENGTH)
                    .asReadOnlyBuffer()
                    .order(ByteOrder.nativeOrder());
            messages.add(new NlMessage(header, payload));
            offset += Nlmsg.align(header.length());
        }
        return messages;
    }

    /** Returns the message's header. */
    public NlMsgHeader header() {
        return header;
    }

    /** Returns the message's type, {@code nlmsg_type}. */
    public int type() {
        return header.type();
    }

    /** Returns a read-only, host-order view of the payload, positioned at 0 (a new view on each call). */
    public ByteBuffer payload() {
        return payload.duplicate().order(ByteOrder.nativeOrder());
    }

    /** Returns a cursor over the attributes that follow a fixed struct of {@code structLength} bytes. */
    public AttrReader attributes(int structLength) {
        return AttrReader.of(payload, Nlmsg.align(structLength), payload.limit());
    }
}
