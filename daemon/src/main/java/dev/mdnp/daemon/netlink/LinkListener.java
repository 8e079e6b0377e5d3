package dev.mdnp.daemon.netlink;

/**
 * Receives the link events of a {@link LinkMonitor}, on the monitor's thread, one at a time.
 *
 * <p>Callbacks must be fast and must not block: while one runs, no events are read and the socket's buffer fills up.
 * An exception thrown by a callback is logged and the monitor goes on.
 */
public interface LinkListener {

    /** Receives one event, in the order the kernel sent them. */
    void onLinkEvent(LinkEvent event);

    /**
     * Says that events were lost: the socket's receive buffer overflowed ({@code ENOBUFS}). The listener must resync
     * by reading the whole state again ({@link LinkOps#list()}); events keep arriving after this call.
     */
    void onEventsLost();
}
