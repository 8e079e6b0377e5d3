package dev.mdnp.daemon.netlink;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.sys.ErrnoException;
import dev.mdnp.daemon.netlink.sys.NetlinkChannel;
import dev.mdnp.daemon.netlink.sys.NetlinkSocket;
import dev.mdnp.daemon.netlink.sys.Netns;
import dev.mdnp.daemon.netlink.sys.NetnsFile;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A handle on rtnetlink in one network namespace: one socket, and the operations that use it.
 *
 * <pre>{@code
 * try (RtNetlink rtnl = RtNetlink.open()) {
 *     rtnl.links().createBridge("mdnp-1a2b3c");
 *     rtnl.links().setUp("mdnp-1a2b3c");
 * }
 * }</pre>
 *
 * <p>The socket lives in the network namespace of the thread that called {@link #open()}, and stays there whatever
 * thread uses the handle later. Its receive timeout is 5 s, so a lost reply fails with {@code EAGAIN} instead of
 * hanging.
 *
 * <p>Thread-safe: any number of threads may share the handle; a lock lets one request at a time use the socket,
 * so requests from different threads are serialized, not interleaved. {@link #close()} waits for the request in
 * flight. The handle owns its socket; monitors opened with {@link #monitorLinks} are owned by their caller.
 */
public final class RtNetlink implements AutoCloseable {

    /** How long a request waits for its reply. */
    static final Duration RECEIVE_TIMEOUT = Duration.ofSeconds(5);
    /** The receive buffer of the request socket. */
    private static final int RECEIVE_BUFFER_BYTES = 1024 * 1024;

    private final Netns netns;
    private final Exchange exchange;
    private final LinkOps links;
    private final AddressOps addresses;
    private final RouteOps routes;

    RtNetlink(NetlinkChannel channel, Netns netns) {
        this.netns = requireNonNull(netns, "netns");
        this.exchange = new Exchange(channel);
        this.links = new LinkOps(exchange);
        this.addresses = new AddressOps(exchange);
        this.routes = new RouteOps(exchange);
    }

    /**
     * Opens a handle in the calling thread's network namespace.
     *
     * @throws NetlinkException when the socket cannot be opened
     */
    public static RtNetlink open() {
        Netns netns = Netns.current();
        try {
            return new RtNetlink(NetlinkSocket.open(0, RECEIVE_BUFFER_BYTES, RECEIVE_TIMEOUT), netns);
        } catch (ErrnoException e) {
            throw new NetlinkException("open rtnetlink socket", e.errno(), "in " + e.call(), e);
        }
    }

    /**
     * Opens a handle in the network namespace that {@code namespaceFile} names, such as a container's sandbox key
     * {@code /var/run/docker/netns/1a2b3c4d5e6f}, checked to be a namespace file first. The socket is created on a
     * short-lived thread of its own ({@link NetnsFile}); the calling thread never changes namespace. Opening changes
     * nothing in that namespace.
     *
     * @throws NetlinkException when the file is missing ({@code ENOENT}), not a network namespace ({@code EINVAL}),
     *                          or the socket cannot be opened
     */
    public static RtNetlink openIn(Path namespaceFile) {
        try {
            return NetnsFile.callIn(namespaceFile,
                    netns -> new RtNetlink(NetlinkSocket.open(0, RECEIVE_BUFFER_BYTES, RECEIVE_TIMEOUT), netns));
        } catch (ErrnoException e) {
            throw new NetlinkException("open rtnetlink socket in " + namespaceFile, e.errno(), "in " + e.call(), e);
        }
    }

    /** Returns the operations on links. */
    public LinkOps links() {
        return links;
    }

    /** Returns the operations on IP addresses. */
    public AddressOps addresses() {
        return addresses;
    }

    /** Returns the operations on routes. */
    public RouteOps routes() {
        return routes;
    }

    /** Returns the network namespace this handle works in. */
    public Netns netns() {
        return netns;
    }

    /**
     * Starts a {@link LinkMonitor} for this handle's namespace: a second socket, joined to {@code RTMGRP_LINK}, read
     * by its own thread that calls {@code listener}. The caller owns and closes the monitor.
     *
     * <p>A socket is created in the namespace of the calling thread, so this must be called from a thread in the
     * handle's namespace (any thread, in a daemon that never switches namespaces).
     *
     * @throws IllegalStateException when the calling thread is in another namespace than the handle
     * @throws NetlinkException      when the socket cannot be opened
     */
    public LinkMonitor monitorLinks(LinkListener listener) {
        return monitorLinks(listener, LinkMonitor.RECEIVE_BUFFER_BYTES);
    }

    /** As {@link #monitorLinks(LinkListener)} with a given receive buffer, for tests that provoke an overflow. */
    LinkMonitor monitorLinks(LinkListener listener, int receiveBufferBytes) {
        Netns here = Netns.current();
        if (!here.equals(netns)) {
            throw new IllegalStateException("a link monitor for namespace " + netns.id()
                    + " must be opened on a thread in it; this thread is in " + here.id());
        }
        return LinkMonitor.start(listener, receiveBufferBytes);
    }

    /** Returns the request channel, for tests that send messages the operations refuse to build. */
    Exchange exchange() {
        return exchange;
    }

    /** Closes the socket once the request in flight, if any, is done. Idempotent. */
    @Override
    public void close() {
        exchange.close();
    }
}
