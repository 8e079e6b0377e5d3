package dev.mdnp.inspector.store;

import dev.mdnp.inspector.client.FeedUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The hand-off between a feed's thread and the FX thread: the feed offers updates without ever waiting, the FX
 * thread drains them in batches. When the FX thread falls too far behind, further calls are dropped and counted
 * rather than let the queue grow without bound; connection and object updates are always kept.
 */
public final class UpdateQueue implements Consumer<FeedUpdate> {

    private final Queue<FeedUpdate> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final int capacity;

    /** Creates a queue that holds at most {@code capacity} calls waiting for the FX thread. */
    public UpdateQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Queues {@code update}; drops it, counted, when it is a call and the queue is full. Never waits. */
    @Override
    public void accept(FeedUpdate update) {
        if (update instanceof FeedUpdate.Request && size.get() >= capacity) {
            dropped.incrementAndGet();
            return;
        }
        size.incrementAndGet();
        queue.add(update);
    }

    /** Removes and returns up to {@code max} updates, oldest first; empty when none wait. */
    public List<FeedUpdate> drain(int max) {
        List<FeedUpdate> batch = new ArrayList<>(Math.min(max, Math.max(size.get(), 0)));
        FeedUpdate update;
        while (batch.size() < max && (update = queue.poll()) != null) {
            size.decrementAndGet();
            batch.add(update);
        }
        return batch;
    }

    /** Returns how many updates wait. */
    public int size() {
        return size.get();
    }

    /** Returns how many calls were dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }
}
