package dev.mdnp.daemon.netlink;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.concurrent.Threads;
import dev.mdnp.daemon.netlink.sys.ErrnoException;
import dev.mdnp.daemon.netlink.sys.NetlinkSocket;
import dev.mdnp.daemon.netlink.wire.Errno;
import dev.mdnp.daemon.netlink.wire.NlMessage;
import dev.mdnp.daemon.netlink.wire.Rtm;
import dev.mdnp.daemon.netlink.wire.WireFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches link events, as {@code ip monitor link} does, and hands them to a {@link LinkListener} on its own thread.
 * Opened by {@link RtNetlink#monitorLinks}.
 *
 * <p>It has its own socket, separate from requests, bound to the multicast group {@code RTMGRP_LINK} with a 1 MiB
 * receive buffer. When the buffer overflows anyway, the kernel drops events and {@code recv} fails with
 * {@code ENOBUFS}; the monitor then calls {@link LinkListener#onEventsLost()} and reads on. Its receive timeout is
 * short ({@value #POLL_MILLIS} ms) because a thread blocked in native {@code recv} cannot be interrupted: that is how
 * long {@link #close()} may wait for the thread to notice.
 *
 * <p>Thread-safe: {@link #close()} may be called from any thread, including the listener's; the socket belongs to the
 * monitor thread, which closes it when it ends.
 */
public final class LinkMonitor implements AutoCloseable {

    /** The receive buffer of a monitor's socket. */
    static final int RECEIVE_BUFFER_BYTES = 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(LinkMonitor.class);
    private static final int POLL_MILLIS = 200;

    private final NetlinkSocket socket;
    private final LinkListener listener;
    private final ByteBuffer incoming = ByteBuffer.allocateDirect(64 * 1024).order(ByteOrder.nativeOrder());
    private final Thread thread;
    private volatile boolean running = true;

    private LinkMonitor(NetlinkSocket socket, LinkListener listener) {
        this.socket = socket;
        this.listener = listener;
        this.thread = new Thread(this::run, "mdnp-link-monitor-" + socket.portId());
        thread.setDaemon(true);
    }

    /**
     * Opens the socket in the calling thread's namespace and starts the monitor thread.
     *
     * @param receiveBufferBytes the socket's receive buffer; tests make it tiny to provoke {@code ENOBUFS}
     */
    static LinkMonitor start(LinkListener listener, int receiveBufferBytes) {
        requireNonNull(listener, "listener");
        NetlinkSocket socket;
        try {
            socket = NetlinkSocket.open(Rtm.RTMGRP_LINK, receiveBufferBytes, Duration.ofMillis(POLL_MILLIS));
        } catch (ErrnoException e) {
            throw new NetlinkException("open link monitor", e.errno(), "in " + e.call(), e);
        }
        LinkMonitor monitor = new LinkMonitor(socket, listener);
        monitor.thread.start();
        return monitor;
    }

    /** Returns whether the monitor thread is still reading events. */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /**
     * Stops the monitor and waits for its thread to end (at most about {@value #POLL_MILLIS} ms, plus a running
     * callback). Idempotent; from the listener's own callback it only asks the thread to stop.
     */
    @Override
    public void close() {
        running = false;
        if (Thread.currentThread() == thread) {
            return;
        }
        Threads.joinUninterruptibly(thread);
    }

    private void run() {
        try {
            while (running) {
                receiveOnce();
            }
        } catch (RuntimeException e) { // the top of the monitor thread: nothing above it would see the failure
            log.error("link monitor stopped: cannot read events", e);
        } finally {
            socket.close();
        }
    }

    private void receiveOnce() {
        int length;
        try {
            length = socket.receive(incoming);
        } catch (ErrnoException e) {
            if (e.errno() == Errno.EAGAIN.number()) {
                return;
            }
            if (e.errno() == Errno.ENOBUFS.number()) {
                log.warn("link events lost: socket buffer overflowed, listener must resync");
                deliver(listener::onEventsLost);
                return;
            }
            throw e;
        }
        try {
            for (NlMessage message : NlMessage.split(incoming, length)) {
                Optional<LinkEvent> event = toEvent(message);
                event.ifPresent(e -> deliver(() -> listener.onLinkEvent(e)));
            }
        } catch (WireFormatException e) {
            log.warn("link event dropped: malformed message", e);
        }
    }

    private static Optional<LinkEvent> toEvent(NlMessage message) {
        LinkEvent.Kind kind;
        if (message.type() == Rtm.NEWLINK) {
            kind = LinkEvent.Kind.NEW;
        } else if (message.type() == Rtm.DELLINK) {
            kind = LinkEvent.Kind.DELETED;
        } else {
            return Optional.empty();
        }
        return LinkParser.parse(message).map(link -> new LinkEvent(kind, link));
    }

    /** Runs a callback; the listener's failure must not end the monitor (the top of this thread handles it). */
    private static void deliver(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            log.warn("link listener failed", e);
        }
    }
}
