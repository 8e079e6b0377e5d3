package dev.mdnp.daemon.netlink;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A listener that remembers every event and counts the "events lost" signals. */
class RecordingLinkListener implements LinkListener {

    private final List<LinkEvent> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger lost = new AtomicInteger();

    @Override
    public void onLinkEvent(LinkEvent event) {
        events.add(event);
    }

    @Override
    public void onEventsLost() {
        lost.incrementAndGet();
    }

    List<LinkEvent> events() {
        return List.copyOf(events);
    }

    boolean saw(LinkEvent.Kind kind, String name) {
        return events.stream().anyMatch(event -> event.kind() == kind && event.link().name().equals(name));
    }

    int lostSignals() {
        return lost.get();
    }
}
