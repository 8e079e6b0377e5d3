package dev.mdnp.daemon.inspect;

import static java.util.Objects.requireNonNull;

import dev.mdnp.model.inspect.InspectEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;

/**
 * The last events of every kind (recorded calls, state changes, link changes) in one bounded ring, numbered by one
 * sequence from 1. Publishing overwrites the oldest event when the ring is full and never waits for a reader. Each
 * reader keeps its own cursor, the number of the last event it saw; a reader whose cursor fell out of the ring gets
 * an {@link InspectEvent.Lost} first and goes on from the oldest event kept, and the events it missed are counted in
 * {@link #dropped()}.
 *
 * <p>Thread safety: every method may be called from any thread. One lock guards the ring and the sequence and is
 * held only to copy references; readers wait on its condition, never the publisher.
 */
public final class EventLog {

    private final InspectEvent[] ring;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private final AtomicLong dropped = new AtomicLong();
    private long lastSeq;

    /**
     * Creates an empty log.
     *
     * @param capacity how many events it keeps, at least 1
     * @throws IllegalArgumentException if the capacity is less than 1
     */
    public EventLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("event log capacity must be at least 1: " + capacity);
        }
        this.ring = new InspectEvent[capacity];
    }

    /**
     * Appends the event {@code factory} makes from the next sequence number, and wakes waiting readers. Quick and
     * never blocking beyond the short lock; the factory runs under that lock, so it must only build a record.
     *
     * @return the event appended
     * @throws IllegalArgumentException if the event does not carry the number it was given
     */
    public <E extends InspectEvent> E publish(LongFunction<E> factory) {
        requireNonNull(factory, "factory");
        lock.lock();
        try {
            long seq = lastSeq + 1;
            E event = requireNonNull(factory.apply(seq), "event");
            if (event.seq() != seq) {
                throw new IllegalArgumentException("event carries seq " + event.seq() + ", expected " + seq);
            }
            ring[slot(seq)] = event;
            lastSeq = seq;
            appended.signalAll();
            return event;
        } finally {
            lock.unlock();
        }
    }

    /** Returns how many events the log keeps. */
    public int capacity() {
        return ring.length;
    }

    /** Returns the number of the last event published, 0 before the first. */
    public long lastSeq() {
        lock.lock();
        try {
            return lastSeq;
        } finally {
            lock.unlock();
        }
    }

    /** Returns the number of the oldest event still kept (1 while nothing was overwritten). */
    public long firstKept() {
        lock.lock();
        try {
            return firstKeptLocked();
        } finally {
            lock.unlock();
        }
    }

    /** Returns how many events readers missed since the start because they read too slowly or resumed too late. */
    public long dropped() {
        return dropped.get();
    }

    /**
     * Returns at most {@code max} events after {@code after}, without waiting; empty when there are none yet.
     * {@code after} 0 asks for every event kept, from the oldest, and never counts as a loss. When events after
     * {@code after} are no longer kept, or {@code after} is beyond the last event (a cursor from an
     * earlier run of the daemon), the first element is an {@link InspectEvent.Lost} whose {@code seq} is the one
     * before the oldest kept, so that a reader who moves its cursor to it continues with the oldest kept.
     *
     * @param after the number of the last event the reader saw, 0 for none (every event kept)
     * @param max the most events to return, at least 1
     */
    public List<InspectEvent> after(long after, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1: " + max);
        }
        lock.lock();
        try {
            return copyAfter(after, max);
        } finally {
            lock.unlock();
        }
    }

    /**
     * As {@link #after}, but waits up to {@code timeout} for an event after {@code after} when there is none yet;
     * returns early, possibly empty, after {@link #wakeReaders()}.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public List<InspectEvent> await(long after, int max, Duration timeout) throws InterruptedException {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1: " + max);
        }
        lock.lock();
        try {
            if (lastSeq == after) {
                appended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
            }
            return copyAfter(after, max);
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every reader waiting in {@link #await}, as a server does before it stops. */
    public void wakeReaders() {
        lock.lock();
        try {
            appended.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private List<InspectEvent> copyAfter(long after, int max) {
        if (after < 0) {
            throw new IllegalArgumentException("a cursor is never negative: " + after);
        }
        long first = firstKeptLocked();
        List<InspectEvent> out = new ArrayList<>();
        long from = after + 1;
        if (after == 0) {
            from = first;
        } else if (after > lastSeq || after < first - 1) {
            out.add(new InspectEvent.Lost(first - 1, first));
            if (after < first - 1) {
                dropped.addAndGet(first - 1 - after);
            }
            from = first;
        }
        for (long seq = from; seq <= lastSeq && out.size() < max; seq++) {
            out.add(ring[slot(seq)]);
        }
        return out;
    }

    private long firstKeptLocked() {
        return Math.max(1, lastSeq - ring.length + 1);
    }

    private int slot(long seq) {
        return (int) ((seq - 1) % ring.length);
    }
}
