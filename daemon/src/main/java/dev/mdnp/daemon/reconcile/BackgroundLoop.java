package dev.mdnp.daemon.reconcile;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one piece of background work every interval on a daemon thread of its own, never two at once, the first time
 * one interval after {@link #start}; {@link #close} lets a run in progress finish. The work handles its own failures.
 */
final class BackgroundLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackgroundLoop.class);
    private static final long CLOSE_WAIT_SECONDS = 30;

    private final String name;
    private final Runnable work;
    private final ScheduledExecutorService thread;

    BackgroundLoop(String name, Runnable work) {
        this.name = requireNonNull(name, "name");
        this.work = requireNonNull(work, "work");
        this.thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread loop = new Thread(task, name);
            loop.setDaemon(true);
            return loop;
        });
    }

    /** Runs the work every {@code interval}, the first time one interval from now. */
    void start(Duration interval) {
        thread.scheduleWithFixedDelay(work, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the loop; a run in progress finishes first, waiting up to 30 s. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("{} still busy after {}s; leaving it", name, CLOSE_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
