package dev.mdnp.daemon.inspect;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.Link;
import dev.mdnp.daemon.netlink.LinkEvent;
import dev.mdnp.daemon.netlink.LinkListener;
import dev.mdnp.daemon.netlink.RtNetlink;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Where the introspection channel reads the kernel's links: a dump for {@code /v1/links} and a subscription to link
 * events for the event stream. Read-only by construction: it offers no operation that changes a link.
 */
public interface LinkSource {

    /** A source without a kernel: no links, no events; for tests and for running without netlink. */
    LinkSource NONE = new LinkSource() {
        @Override
        public List<Link> list() {
            return List.of();
        }

        @Override
        public Subscription watch(LinkListener listener) {
            return () -> { };
        }
    };

    /** Returns the links of the namespace, as {@code ip -s link show} lists them. */
    List<Link> list();

    /**
     * Starts delivering link events ({@code RTMGRP_LINK}) to {@code listener} on a thread of the source's own.
     *
     * @return the subscription; closing it stops the events
     */
    Subscription watch(LinkListener listener);

    /**
     * Returns a source that reads through {@code rtnl}, in its namespace, the links in the daemon's device groups
     * ({@code ownGroup}): another daemon's links, or anyone else's, are not this daemon's to show. The caller keeps
     * owning the handle.
     */
    static LinkSource of(RtNetlink rtnl, IntPredicate ownGroup) {
        requireNonNull(rtnl, "rtnl");
        requireNonNull(ownGroup, "ownGroup");
        return new LinkSource() {
            @Override
            public List<Link> list() {
                return rtnl.links().list().stream().filter(link -> ownGroup.test(link.group())).toList();
            }

            @Override
            public Subscription watch(LinkListener listener) {
                return rtnl.monitorLinks(new LinkListener() {
                    @Override
                    public void onLinkEvent(LinkEvent event) {
                        if (ownGroup.test(event.link().group())) {
                            listener.onLinkEvent(event);
                        }
                    }

                    @Override
                    public void onEventsLost() {
                        listener.onEventsLost();
                    }
                })::close;
            }
        };
    }

    /** A running subscription to link events. */
    @FunctionalInterface
    interface Subscription extends AutoCloseable {

        /** Stops the events; idempotent, never throws. */
        @Override
        void close();
    }
}
