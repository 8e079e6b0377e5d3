package dev.mdnp.inspector.client;

import java.time.Duration;

/**
 * The thread a replay runs on, with the time it waits: the real one for the app, a manual one for tests, which then
 * play a session without sleeping.
 */
interface ReplayScheduler extends AutoCloseable {

    /** Runs {@code task} on the replay thread once {@code delay} has passed; tasks due together run in order. */
    void schedule(Runnable task, Duration delay);

    /** Stops the thread; tasks not yet run are dropped. Idempotent. */
    @Override
    void close();
}
