package dev.mdnp.inspector.viewmodel;

import dev.mdnp.model.inspect.RequestRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;

/**
 * The calls of the last {@code span} before the newest call's start, kept so that the rate and the 95th percentile
 * of their durations cost work in proportion to the calls that arrive and expire, not to the log's size.
 *
 * <p>"Now" is the newest start seen rather than the wall clock, so a replayed session shows the rate it was
 * recorded at. Not thread-safe; the FX thread owns it.
 */
final class LatencyWindow {

    private final Duration span;
    private final Deque<RequestRecord> calls = new ArrayDeque<>();
    /** Durations in the window, in microseconds, with how many calls took each. */
    private final TreeMap<Long, Integer> durations = new TreeMap<>();
    private Instant newest = Instant.MIN;

    LatencyWindow(Duration span) {
        this.span = span;
    }

    /** Adds an arrived call and forgets those that fell out of the window. */
    void add(RequestRecord call) {
        calls.addLast(call);
        durations.merge(call.durationMicros(), 1, Integer::sum);
        if (call.start().isAfter(newest)) {
            newest = call.start();
        }
        Instant cutoff = newest.minus(span);
        while (!calls.isEmpty() && !calls.peekFirst().start().isAfter(cutoff)) {
            forget(calls.removeFirst());
        }
    }

    /** Forgets every call. */
    void clear() {
        calls.clear();
        durations.clear();
        newest = Instant.MIN;
    }

    /** Returns the calls per second over the window. */
    double perSecond() {
        return calls.size() / (span.toMillis() / 1000.0);
    }

    /** Returns the 95th percentile (nearest rank) of the durations in the window, in microseconds; 0 when empty. */
    long p95Micros() {
        int n = calls.size();
        if (n == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(0.95 * n);
        int fromTop = n - rank + 1;
        int seen = 0;
        for (Map.Entry<Long, Integer> entry : durations.descendingMap().entrySet()) {
            seen += entry.getValue();
            if (seen >= fromTop) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("durations hold fewer calls than the window");
    }

    private void forget(RequestRecord call) {
        durations.computeIfPresent(call.durationMicros(), (micros, count) -> count == 1 ? null : count - 1);
    }
}
