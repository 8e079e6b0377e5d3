package dev.mdnp.daemon.inspect;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.api.RequestSink;
import dev.mdnp.model.inspect.InspectEvent;
import dev.mdnp.model.inspect.RequestRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last plugin calls, in a bounded ring: the {@link RequestSink} the api records into, the source of
 * {@code /v1/requests}, and the producer of {@link InspectEvent.Request} events in its {@link EventLog}.
 *
 * <p>Records are numbered here, in the order calls finish, from 1 without gaps: whatever {@code seq} the api put in a
 * record is replaced. So {@code ?after=SEQ} never misses a call that finished late, and the event stream carries the
 * calls in the order of their numbers. Appending costs O(1) under a short lock; taps (the request log file) run
 * under the same lock so that they see the calls in order; observers (the metrics) run after it, on the call's
 * thread, and see concurrent calls in any order. Both must be as quick as a sink: they must not block or throw. One
 * that throws anyway is logged and skipped.
 *
 * <p>Thread safety: every method may be called from any thread; one private monitor guards the ring and the counter.
 */
public final class RequestHistory implements RequestSink {

    private static final Logger log = LoggerFactory.getLogger(RequestHistory.class);

    private final RequestRecord[] ring;
    private final EventLog events;
    private final List<RequestSink> taps = new CopyOnWriteArrayList<>();
    private final List<RequestSink> observers = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private long lastSeq;

    /**
     * Creates an empty history with an event log of the same capacity.
     *
     * @param capacity how many calls it keeps ({@code --history}), at least 1
     */
    public RequestHistory(int capacity) {
        this(capacity, new EventLog(capacity));
    }

    /**
     * Creates an empty history that publishes into the given event log.
     *
     * @param capacity how many calls it keeps, at least 1
     * @param events where each call is published as an event
     */
    public RequestHistory(int capacity, EventLog events) {
        if (capacity < 1) {
            throw new IllegalArgumentException("history size must be at least 1: " + capacity);
        }
        this.ring = new RequestRecord[capacity];
        this.events = requireNonNull(events, "events");
    }

    /**
     * Numbers the record, keeps it, publishes it as an event and hands it to the taps, then to the observers; never
     * throws.
     */
    @Override
    public void recorded(RequestRecord record) {
        requireNonNull(record, "record");
        deliver(observers, append(record));
    }

    /** Returns the event log the calls are published in. */
    public EventLog events() {
        return events;
    }

    /** Returns how many calls the history keeps. */
    public int capacity() {
        return ring.length;
    }

    /** Returns the number of the last call recorded, which is also how many were recorded since the start. */
    public long lastSeq() {
        synchronized (lock) {
            return lastSeq;
        }
    }

    /**
     * Returns the kept calls numbered after {@code after}, oldest first, at most {@code limit} of them. Calls that
     * fell out of the ring are skipped: the first one returned then has a number above {@code after + 1}.
     *
     * @param after the number of the last call the caller has, 0 for none
     * @param limit the most calls to return, at least 1
     */
    public List<RequestRecord> after(long after, int limit) {
        checkLimit(limit);
        if (after < 0) {
            throw new IllegalArgumentException("after must not be negative: " + after);
        }
        synchronized (lock) {
            long from = Math.max(after + 1, firstKept());
            return copy(from, Math.min(lastSeq, from + limit - 1));
        }
    }

    /** Returns the last {@code limit} calls kept, oldest first. */
    public List<RequestRecord> latest(int limit) {
        checkLimit(limit);
        synchronized (lock) {
            long from = Math.max(firstKept(), lastSeq - limit + 1);
            return copy(from, lastSeq);
        }
    }

    /**
     * Adds an observer that gets every call after the history numbered it, under the history's lock.
     *
     * @return a handle that removes the tap again
     */
    Tap tap(RequestSink tap) {
        requireNonNull(tap, "tap");
        taps.add(tap);
        return () -> taps.remove(tap);
    }

    /**
     * Adds an observer that gets every call after the history numbered it, outside the history's lock: calls that
     * finish at the same time may reach it in either order.
     *
     * @return a handle that removes the observer again
     */
    Tap observe(RequestSink observer) {
        requireNonNull(observer, "observer");
        observers.add(observer);
        return () -> observers.remove(observer);
    }

    /** Removes a tap or an observer; closing it twice does nothing. */
    @FunctionalInterface
    interface Tap extends AutoCloseable {
        @Override
        void close();
    }

    /** Numbers, keeps and publishes the record and hands it to the taps, all under the lock; returns it numbered. */
    private RequestRecord append(RequestRecord record) {
        synchronized (lock) {
            RequestRecord numbered = withSeq(record, lastSeq + 1);
            lastSeq = numbered.seq();
            ring[slot(lastSeq)] = numbered;
            events.publish(seq -> new InspectEvent.Request(seq, numbered));
            deliver(taps, numbered);
            return numbered;
        }
    }

    private static void deliver(List<RequestSink> sinks, RequestRecord numbered) {
        for (RequestSink sink : sinks) {
            try {
                sink.recorded(numbered);
            } catch (RuntimeException e) { // an observer must never fail the call it observes
                log.warn("request tap failed seq={}", numbered.seq(), e);
            }
        }
    }

    private List<RequestRecord> copy(long from, long to) {
        List<RequestRecord> out = new ArrayList<>();
        for (long seq = from; seq <= to; seq++) {
            out.add(ring[slot(seq)]);
        }
        return out;
    }

    private long firstKept() {
        return Math.max(1, lastSeq - ring.length + 1);
    }

    private int slot(long seq) {
        return (int) ((seq - 1) % ring.length);
    }

    private static void checkLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
    }

    private static RequestRecord withSeq(RequestRecord r, long seq) {
        return new RequestRecord(seq, r.start(), r.method(), r.networkId(), r.endpointId(), r.status(), r.error(),
                r.requestJson(), r.responseJson(), r.durationMicros(), r.phases(), r.kernelOps());
    }
}
