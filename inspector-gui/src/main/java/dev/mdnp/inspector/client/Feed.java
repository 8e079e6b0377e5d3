package dev.mdnp.inspector.client;

import java.util.function.Consumer;

/**
 * Where the inspector's data comes from: a running daemon's inspect socket or a recorded session. A feed reports
 * {@link FeedUpdate}s to one sink, on a thread of its own, from {@link #start} until {@link #close}.
 */
public sealed interface Feed extends AutoCloseable permits LiveFeed, ReplayFeed {

    /**
     * Starts reporting to {@code sink}; called once. The sink must be quick and thread-safe (it queues).
     *
     * @throws IllegalStateException if the feed was started before
     */
    void start(Consumer<FeedUpdate> sink);

    /** Returns what the feed reads, for the connection bar: a socket path or a file name. */
    String source();

    /** Stops reporting and releases the feed's threads and connections; idempotent. */
    @Override
    void close();
}
