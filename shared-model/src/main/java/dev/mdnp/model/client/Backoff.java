package dev.mdnp.model.client;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Exponential reconnect delays: {@code initial}, then twice the previous one, up to {@code max}; {@link #reset()}
 * after a success starts again at {@code initial}. Not thread-safe: one thread owns it (a subscription's, or the
 * daemon's watcher of Docker's names).
 */
public final class Backoff {

    /** The first delay the client uses. */
    static final Duration INITIAL = Duration.ofMillis(100);
    /** The longest delay the client uses. */
    static final Duration MAX = Duration.ofSeconds(5);

    private final Duration initial;
    private final Duration max;
    private Duration next;

    /**
     * Creates the delays.
     *
     * @throws IllegalArgumentException unless {@code 0 < initial <= max}
     */
    public Backoff(Duration initial, Duration max) {
        this.initial = requireNonNull(initial, "initial");
        this.max = requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
        this.next = initial;
    }

    /** Returns the delay to wait now and doubles the next one, up to the cap. */
    public Duration next() {
        Duration now = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return now;
    }

    /** Starts again at the initial delay. */
    public void reset() {
        next = initial;
    }
}
