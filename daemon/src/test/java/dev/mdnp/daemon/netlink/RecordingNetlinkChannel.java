package dev.mdnp.daemon.netlink;

import dev.mdnp.daemon.netlink.sys.NetlinkChannel;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

/** A channel that passes everything to a real one and counts the messages sent and the datagrams received. */
final class RecordingNetlinkChannel implements NetlinkChannel {

    private final NetlinkChannel delegate;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger received = new AtomicInteger();

    RecordingNetlinkChannel(NetlinkChannel delegate) {
        this.delegate = delegate;
    }

    int messagesSent() {
        return sent.get();
    }

    int datagramsReceived() {
        return received.get();
    }

    @Override
    public int portId() {
        return delegate.portId();
    }

    @Override
    public void send(byte[] message) {
        delegate.send(message);
        sent.incrementAndGet();
    }

    @Override
    public int receive(ByteBuffer target) {
        int length = delegate.receive(target);
        received.incrementAndGet();
        return length;
    }

    @Override
    public void close() {
        delegate.close();
    }
}
