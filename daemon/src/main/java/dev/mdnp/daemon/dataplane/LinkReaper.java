package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.NetlinkException;
import dev.mdnp.daemon.netlink.wire.Errno;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes doomed links in the background, in batches. Deleting a link costs the kernel an RCU grace period (about
 * 16 ms, far more than creating one) and Docker waits for DeleteEndpoint when a container stops; so a deleted
 * endpoint's veth is only moved into the daemon's doomed device group during the call ({@link DoomLinkStep}), and
 * this reaper deletes the whole group with one request, paying the grace period once per
 * batch instead of once per link. A batch starts {@link #BATCH_WINDOW} after the first link of it is doomed, so that
 * the links of a burst of container stops share it. A batch that fails is retried after a delay that doubles from
 * twice the window up to {@link #MAX_RETRY_DELAY}, until one succeeds; links doomed meanwhile join the retry. Doomed
 * links left by a crash are still in the group and go at the next start.
 *
 * <p>Thread-safe. Owns one daemon thread; {@link #close()} tries the pending batch or retry at once before it
 * returns.
 */
final class LinkReaper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LinkReaper.class);
    /** How long a batch gathers links; short enough that nobody waits for a deleted link to vanish. */
    static final Duration BATCH_WINDOW = Duration.ofMillis(200);
    /** The longest wait before a failed batch is tried again. */
    static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);
    private static final Duration DRAIN = Duration.ofSeconds(30);

    private final Runnable deleteDoomedGroup;
    private final AtomicBoolean pending = new AtomicBoolean();
    /** Failed batches since the last one that succeeded. */
    private final AtomicInteger failures = new AtomicInteger();
    private final ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, work -> {
        Thread reaper = new Thread(work, "mdnp-link-reaper");
        reaper.setDaemon(true);
        return reaper;
    });

    /**
     * Creates the reaper that runs {@code deleteDoomedGroup} for each batch: one request that deletes every link in
     * the daemon's doomed group (see {@link Ownership}), failing with a {@link NetlinkException}.
     */
    LinkReaper(Runnable deleteDoomedGroup) {
        this.deleteDoomedGroup = requireNonNull(deleteDoomedGroup, "deleteDoomedGroup");
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // close() runs the pending one at once
    }

    /** Schedules the deletion of every doomed link; calls made while a batch is pending join that batch. */
    void reap() {
        schedule(BATCH_WINDOW);
    }

    /** Deletes every doomed link now, on the calling thread: at start, for the links a crash left doomed. */
    void reapNow() {
        deleteDoomed();
    }

    /** Tries the pending batch or retry at once, waiting up to 30 s, then stops the thread. */
    @Override
    public void close() {
        if (pending.get()) {
            thread.execute(this::deleteDoomed);
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(DRAIN.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("doomed links not deleted after {}s; the next start deletes them", DRAIN.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Returns how long to wait before trying again after {@code failed} batches in a row failed. */
    static Duration retryDelay(int failed) {
        Duration delay = BATCH_WINDOW;
        for (int i = 0; i < failed && delay.compareTo(MAX_RETRY_DELAY) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(MAX_RETRY_DELAY) < 0 ? delay : MAX_RETRY_DELAY;
    }

    private void schedule(Duration delay) {
        if (pending.compareAndSet(false, true)) {
            thread.schedule(this::deleteDoomed, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void deleteDoomed() {
        pending.set(false);
        long start = System.nanoTime();
        try {
            deleteDoomedGroup.run();
            failures.set(0);
            log.debug("deleted doomed links took={}us", (System.nanoTime() - start) / 1000);
        } catch (NetlinkException e) {
            if (e.errno() == Errno.ENODEV) { // an earlier batch took them all
                failures.set(0);
                return;
            }
            retryLater(e);
        }
    }

    private void retryLater(NetlinkException failure) {
        int failed = failures.incrementAndGet();
        Duration delay = retryDelay(failed);
        try {
            schedule(delay);
            log.warn("deleting doomed links failed {} time(s) in a row; retrying within {} ms: {}", failed,
                    delay.toMillis(), failure.getMessage());
        } catch (RejectedExecutionException closed) {
            pending.set(false);
            log.warn("deleting doomed links failed; the next start deletes them: {}", failure.getMessage());
        }
    }
}
