package dev.mdnp.daemon.inspect;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.driver.DriverState;
import dev.mdnp.daemon.netlink.Link;
import dev.mdnp.daemon.netlink.LinkEvent;
import dev.mdnp.daemon.netlink.LinkListener;
import dev.mdnp.model.inspect.InspectEvent;
import dev.mdnp.model.inspect.LinkView;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the kernel's link events ({@code RTMGRP_LINK}) that concern mdnp as {@link InspectEvent.LinkChange}:
 * {@code added}, {@code changed} or {@code removed}. A link concerns mdnp when its name has mdnp's prefix or the state
 * knows it (a bridge named by {@code dev.mdnp.bridge.name}, a veth end). The kernel sends the same message for a new
 * and a changed link, so the publisher remembers the links it has seen, by index, which also gives the names of
 * peers and masters.
 *
 * <p>Thread safety: events arrive on the monitor's thread; {@link #resync()} may run on any thread.
 */
final class LinkEventPublisher implements LinkListener {

    private static final Logger log = LoggerFactory.getLogger(LinkEventPublisher.class);

    private final DriverState state;
    private final LinkSource links;
    private final EventLog events;
    private final Map<Integer, String> names = new ConcurrentHashMap<>();

    LinkEventPublisher(DriverState state, LinkSource links, EventLog events) {
        this.state = requireNonNull(state, "state");
        this.links = requireNonNull(links, "links");
        this.events = requireNonNull(events, "events");
    }

    /** Reads every link again, so that the next event of each counts as a change, not an addition. */
    void resync() {
        names.clear();
        for (Link link : links.list()) {
            names.put(link.index(), link.name());
        }
    }

    @Override
    public void onLinkEvent(LinkEvent event) {
        Link link = event.link();
        String change;
        if (event.kind() == LinkEvent.Kind.DELETED) {
            names.remove(link.index());
            change = "removed";
        } else {
            String before = names.put(link.index(), link.name());
            change = before == null ? "added" : "changed";
        }
        Map<String, LinkDrift.Known> known = LinkDrift.known(state.networks(), state.endpoints());
        if (!LinkDrift.concerns(link.name(), known)) {
            return;
        }
        LinkView view = event.kind() == LinkEvent.Kind.DELETED && known.containsKey(link.name())
                ? LinkDrift.absent(link.name(), known.get(link.name()))
                : LinkDrift.present(link, names, known);
        events.publish(seq -> new InspectEvent.LinkChange(seq, change, view));
    }

    @Override
    public void onEventsLost() {
        log.warn("kernel link events were lost; the event stream misses some link changes");
        try {
            resync();
        } catch (RuntimeException e) { // the monitor's callback: a failed dump must not end the monitor
            log.warn("re-reading links after lost events failed", e);
        }
    }
}
