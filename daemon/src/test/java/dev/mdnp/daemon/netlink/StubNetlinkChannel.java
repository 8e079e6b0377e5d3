package dev.mdnp.daemon.netlink;

import dev.mdnp.daemon.netlink.sys.ErrnoException;
import dev.mdnp.daemon.netlink.sys.NetlinkChannel;
import dev.mdnp.daemon.netlink.testsupport.KernelReplies;
import dev.mdnp.daemon.netlink.wire.Errno;
import dev.mdnp.daemon.netlink.wire.NlMsgHeader;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A channel that answers each request with canned datagrams from a {@link Script}, and remembers what was sent.
 * With nothing left to receive, {@code receive} fails with {@code EAGAIN}, as the real socket does after its timeout.
 */
final class StubNetlinkChannel implements NetlinkChannel {

    /** The datagrams the kernel would send in answer to one request. */
    interface Script {
        List<byte[]> answer(NlMsgHeader request, byte[] message);
    }

    static final int PORT_ID = 4242;

    private final Deque<byte[]> pending = new ArrayDeque<>();
    private final List<byte[]> sent = new ArrayList<>();
    private Script script;
    private boolean closed;

    StubNetlinkChannel(Script script) {
        this.script = script;
    }

    /** A channel that acknowledges every request. */
    static StubNetlinkChannel acknowledging() {
        return new StubNetlinkChannel((request, message) -> List.of(KernelReplies.ack(request)));
    }

    void answerWith(Script next) {
        script = next;
    }

    /** Queues a datagram to be received before the answer to the next request. */
    void queue(byte[] datagram) {
        pending.add(datagram);
    }

    List<byte[]> sent() {
        return List.copyOf(sent);
    }

    /** Returns how many datagrams are queued and not yet received. */
    int unread() {
        return pending.size();
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public int portId() {
        return PORT_ID;
    }

    @Override
    public void send(byte[] message) {
        sent.add(message.clone());
        pending.addAll(script.answer(KernelReplies.headerOf(message), message));
    }

    @Override
    public int receive(ByteBuffer target) {
        byte[] datagram = pending.poll();
        if (datagram == null) {
            throw new ErrnoException("recv", Errno.EAGAIN.number());
        }
        target.clear();
        target.put(datagram).flip();
        return datagram.length;
    }

    @Override
    public void close() {
        closed = true;
    }
}
