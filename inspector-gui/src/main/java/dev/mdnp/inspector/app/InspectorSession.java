package dev.mdnp.inspector.app;

import dev.mdnp.inspector.client.Feed;
import dev.mdnp.inspector.store.FxUpdatePump;
import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.inspector.store.UpdateQueue;

/**
 * One running inspection: a feed reporting into a queue, drained on the FX thread into the store the views show.
 * Opened and closed on the FX thread.
 */
public final class InspectorSession implements AutoCloseable {

    /** How many calls may wait for the FX thread before further ones are dropped (and counted). */
    private static final int QUEUE_CAPACITY = 500_000;

    private final Feed feed;
    private final UpdateQueue queue;
    private final InspectorStore store;
    private final FxUpdatePump pump;

    private InspectorSession(Feed feed, InspectorStore store) {
        this.feed = feed;
        this.queue = new UpdateQueue(QUEUE_CAPACITY);
        this.store = store;
        this.pump = new FxUpdatePump(queue, store);
    }

    /** Starts {@code feed} into a new store and starts draining it; call on the FX thread. */
    public static InspectorSession open(Feed feed, InspectorStore store) {
        InspectorSession session = new InspectorSession(feed, store);
        session.pump.start();
        feed.start(session.queue);
        return session;
    }

    /** Returns the feed. */
    public Feed feed() {
        return feed;
    }

    /** Returns the store the feed fills. */
    public InspectorStore store() {
        return store;
    }

    /** Returns how many calls were dropped because the FX thread fell behind. */
    public long droppedCalls() {
        return queue.dropped();
    }

    /** Stops the feed and the pump; call on the FX thread. */
    @Override
    public void close() {
        feed.close();
        pump.close();
    }
}
