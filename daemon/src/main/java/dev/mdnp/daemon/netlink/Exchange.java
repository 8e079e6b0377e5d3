package dev.mdnp.daemon.netlink;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.sys.ErrnoException;
import dev.mdnp.daemon.netlink.sys.NetlinkChannel;
import dev.mdnp.daemon.netlink.wire.Errno;
import dev.mdnp.daemon.netlink.wire.MessageBuilder;
import dev.mdnp.daemon.netlink.wire.NlMessage;
import dev.mdnp.daemon.netlink.wire.NlMsgErr;
import dev.mdnp.daemon.netlink.wire.NlMsgHeader;
import dev.mdnp.daemon.netlink.wire.NlmF;
import dev.mdnp.daemon.netlink.wire.Nlmsg;
import dev.mdnp.daemon.netlink.wire.WireFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request and reply on one netlink channel: sends a message with the next sequence number, then reads datagrams
 * until the acknowledgement, the error or {@code NLMSG_DONE} that answers it, handing the data messages in between to
 * a parser.
 *
 * <p>Replies are matched on both {@code nlmsg_seq} and {@code nlmsg_pid}; anything else, such as a late reply to a
 * request that timed out, is dropped. A dump flagged {@code NLM_F_DUMP_INTR} (the table changed while it was read)
 * is repeated. Every failure becomes a {@link NetlinkException} naming the operation.
 *
 * <p>Thread-safe: one request is in flight at a time, guarded by {@link #lock}, which also guards the sequence number,
 * the receive buffer and closing.
 */
final class Exchange implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Exchange.class);
    /** Above the kernel's largest dump datagram (32 KiB), so MSG_TRUNC never fires on a sane kernel. */
    private static final int RECEIVE_BUFFER_BYTES = 64 * 1024;
    private static final int DUMP_ATTEMPTS = 5;

    private final ReentrantLock lock = new ReentrantLock();
    private final NetlinkChannel channel;
    private final ByteBuffer incoming =
            ByteBuffer.allocateDirect(RECEIVE_BUFFER_BYTES).order(ByteOrder.nativeOrder());
    private int seq;
    private boolean closed;

    /** Takes ownership of {@code channel}, which {@link #close()} closes. */
    Exchange(NetlinkChannel channel) {
        this.channel = requireNonNull(channel, "channel");
    }

    /** Sends a change request (with {@code NLM_F_ACK}) and waits for its acknowledgement. */
    void ack(String operation, MessageBuilder request) {
        converse(operation, request, message -> log.debug("data reply ignored op={} type={}", operation,
                message.type()));
    }

    /**
     * Sends a non-dump GET (with {@code NLM_F_ACK}) and returns its one reply, parsed. {@code ENODEV} (nothing of that
     * name or index) is an empty result; every other error throws.
     */
    <T> Optional<T> get(String operation, MessageBuilder request, Function<NlMessage, Optional<T>> parser) {
        List<T> found = new ArrayList<>(1);
        try {
            converse(operation, request, message -> parser.apply(message).ifPresent(found::add));
        } catch (NetlinkException e) {
            if (e.errno() == Errno.ENODEV) {
                return Optional.empty();
            }
            throw e;
        }
        return found.stream().findFirst();
    }

    /** Sends a dump request and returns every reply the parser keeps, repeating an interrupted dump. */
    <T> List<T> dump(String operation, MessageBuilder request, Function<NlMessage, Optional<T>> parser) {
        for (int attempt = 1; attempt <= DUMP_ATTEMPTS; attempt++) {
            List<T> found = new ArrayList<>();
            boolean interrupted = converse(operation, request, message -> parser.apply(message).ifPresent(found::add));
            if (!interrupted) {
                return found;
            }
            log.debug("dump interrupted, repeating op={} attempt={}", operation, attempt);
        }
        throw new NetlinkException(operation, Errno.EINTR.number(),
                "dump interrupted by concurrent changes " + DUMP_ATTEMPTS + " times");
    }

    /** Returns the channel's port id. */
    int portId() {
        return channel.portId();
    }

    /** Closes the channel once no request is in flight. Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                channel.close();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs one request to its end; returns whether a reply carried {@code NLM_F_DUMP_INTR}. */
    private boolean converse(String operation, MessageBuilder request, Consumer<NlMessage> onData) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("netlink handle is closed: " + operation);
            }
            long started = System.nanoTime();
            seq = seq == Integer.MAX_VALUE ? 1 : seq + 1;
            int expected = seq;
            try {
                channel.send(request.toBytes(expected, channel.portId()));
                boolean interrupted = receiveUntilEnd(operation, expected, onData);
                log.debug("netlink op={} took={}us", operation, (System.nanoTime() - started) / 1000);
                return interrupted;
            } catch (ErrnoException e) {
                String detail = e.errno() == Errno.EAGAIN.number() ? "no reply within the receive timeout"
                        : "in " + e.call();
                throw new NetlinkException(operation, e.errno(), detail, e);
            } catch (WireFormatException e) {
                throw new NetlinkException(operation, Errno.EBADMSG.number(), e.getMessage(), e);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Reads until the reply that ends the request. A data message that does not parse fails the request only after
     * its end was read, so the rest of a dump does not linger in the socket and the next request starts clean.
     */
    private boolean receiveUntilEnd(String operation, int expected, Consumer<NlMessage> onData) {
        boolean interrupted = false;
        @Nullable WireFormatException malformed = null;
        while (true) {
            int length = channel.receive(incoming);
            for (NlMessage message : NlMessage.split(incoming, length)) {
                NlMsgHeader header = message.header();
                if (header.seq() != expected || header.pid() != channel.portId()) {
                    log.debug("stray message dropped op={} type={} seq={} expected={}", operation, header.type(),
                            header.seq(), expected);
                    continue;
                }
                interrupted |= (header.flags() & NlmF.DUMP_INTR) != 0;
                switch (header.type()) {
                    case Nlmsg.NOOP:
                        break;
                    case Nlmsg.ERROR:
                        NlMsgErr error = NlMsgErr.decodeError(message);
                        if (error.error() != 0) {
                            throw new NetlinkException(operation, -error.error(), error.message());
                        }
                        return finish(interrupted, malformed);
                    case Nlmsg.DONE:
                        NlMsgErr done = NlMsgErr.decodeDone(message);
                        if (done.error() < 0) {
                            throw new NetlinkException(operation, -done.error(), done.message());
                        }
                        return finish(interrupted, malformed);
                    case Nlmsg.OVERRUN:
                        throw new NetlinkException(operation, Errno.EOVERFLOW.number(), "NLMSG_OVERRUN");
                    default:
                        try {
                            onData.accept(message);
                        } catch (WireFormatException e) {
                            malformed = malformed == null ? e : malformed;
                        }
                }
            }
        }
    }

    private static boolean finish(boolean interrupted, @Nullable WireFormatException malformed) {
        if (malformed != null) {
            throw malformed;
        }
        return interrupted;
    }
}
