package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes links in the background, one at a time. Deleting a link costs the kernel an RCU grace period (about 16 ms,
 * far more than creating one), and Docker waits for DeleteEndpoint when a container stops; the deletion needs no
 * answer, so it leaves Docker's critical path. Links still queued when the process dies keep mdnp's prefix and are
 * found again by the start-up reconcile.
 *
 * <p>Thread-safe. Owns one daemon thread; {@link #close()} finishes the queue before it returns.
 */
final class LinkReaper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LinkReaper.class);
    private static final Duration DRAIN = Duration.ofSeconds(30);

    private final StepRunner runner;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(work -> {
        Thread reaper = new Thread(work, "mdnp-link-reaper");
        reaper.setDaemon(true);
        return reaper;
    });

    LinkReaper(StepRunner runner) {
        this.runner = requireNonNull(runner, "runner");
    }

    /** Queues the undo of {@code steps}; a failure is logged, since nobody waits for it. */
    void reap(List<Step> steps) {
        thread.execute(() -> {
            try {
                runner.undo(steps, KernelOpListener.NONE);
            } catch (DataplaneException e) {
                log.warn("background delete failed; the start-up reconcile retries it: {}", e.getMessage());
            }
        });
    }

    /** Finishes the queued deletions, waiting up to 30 s, then stops the thread. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(DRAIN.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("link deletions still queued after {}s; the start-up reconcile removes them", DRAIN.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
