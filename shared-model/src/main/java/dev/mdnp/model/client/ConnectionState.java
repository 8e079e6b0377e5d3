package dev.mdnp.model.client;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Where an {@link EventSubscription} stands. A subscription goes {@link Connecting} → {@link Connected} →
 * {@link Disconnected} → {@link Connecting} … until it ends with {@link Closed}, which it reports exactly once.
 */
public sealed interface ConnectionState {

    /** Returns a short text for a status bar, such as {@code connecting (attempt 3)}. */
    String describe();

    /**
     * Opening the event stream.
     *
     * @param attempt 1 for the first try after the start or after a stream was up, counting up while tries fail
     * @param after the sequence number events are asked for after; -1 when the daemon's default is asked for
     */
    record Connecting(int attempt, long after) implements ConnectionState {

        @Override
        public String describe() {
            return attempt == 1 ? "connecting" : "connecting (attempt " + attempt + ")";
        }
    }

    /**
     * The stream is up; events follow.
     *
     * @param after the sequence number events were asked for after; -1 for the daemon's default
     */
    record Connected(long after) implements ConnectionState {

        @Override
        public String describe() {
            return "connected";
        }
    }

    /**
     * The stream could not be opened or ended; the subscription tries again after {@code retryIn}.
     *
     * @param reason why, readable, naming the socket
     * @param retryIn how long it waits before the next try
     */
    record Disconnected(String reason, Duration retryIn) implements ConnectionState {

        /** Validates the components. */
        public Disconnected {
            requireNonNull(reason, "reason");
            requireNonNull(retryIn, "retryIn");
        }

        @Override
        public String describe() {
            return "disconnected: " + reason + "; retrying in " + retryIn.toMillis() + " ms";
        }
    }

    /**
     * The subscription ended and reports nothing more.
     *
     * @param reason why: {@code closed} after {@link EventSubscription#close()}, else what stopped it
     */
    record Closed(String reason) implements ConnectionState {

        /** Validates the components. */
        public Closed {
            requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return "closed: " + reason;
        }
    }
}
