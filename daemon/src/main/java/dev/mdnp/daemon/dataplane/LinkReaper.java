package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.NetlinkException;
import dev.mdnp.daemon.netlink.RtNetlink;
import dev.mdnp.daemon.netlink.wire.Errno;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes doomed links in the background, in batches. Deleting a link costs the kernel an RCU grace period (about
 * 16 ms, far more than creating one) and Docker waits for DeleteEndpoint when a container stops; so a deleted
 * endpoint's veth is only moved into the daemon's doomed device group during the call ({@link DoomLinkStep}), and
 * this reaper deletes the whole group with one request, paying the grace period once per
 * batch instead of once per link. A batch starts {@link #BATCH_WINDOW} after the first link of it is doomed, so that
 * the links of a burst of container stops share it. Doomed links left by a crash are still in the group and go with
 * the next batch.
 *
 * <p>Thread-safe. Owns one daemon thread; {@link #close()} finishes the pending batch before it returns.
 */
final class LinkReaper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LinkReaper.class);
    /** How long a batch gathers links; short enough that nobody waits for a deleted link to vanish. */
    static final Duration BATCH_WINDOW = Duration.ofMillis(200);
    private static final Duration DRAIN = Duration.ofSeconds(30);

    private final RtNetlink rtnl;
    private final int doomedGroup;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread reaper = new Thread(work, "mdnp-link-reaper");
        reaper.setDaemon(true);
        return reaper;
    });

    /** Creates the reaper of the links in {@code doomedGroup}, the daemon's (see {@link Ownership}). */
    LinkReaper(RtNetlink rtnl, int doomedGroup) {
        this.rtnl = requireNonNull(rtnl, "rtnl");
        this.doomedGroup = doomedGroup;
    }

    /** Schedules the deletion of every doomed link; calls made while a batch is pending join that batch. */
    void reap() {
        if (pending.compareAndSet(false, true)) {
            thread.schedule(this::deleteDoomed, BATCH_WINDOW.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Deletes every doomed link now, on the calling thread: at start, for the links a crash left doomed. */
    void reapNow() {
        deleteDoomed();
    }

    /** Deletes the pending batch at once, waiting up to 30 s, then stops the thread. */
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

    private void deleteDoomed() {
        pending.set(false);
        long start = System.nanoTime();
        try {
            rtnl.links().deleteGroup(doomedGroup);
            log.debug("deleted doomed links took={}us", (System.nanoTime() - start) / 1000);
        } catch (NetlinkException e) {
            if (e.errno() != Errno.ENODEV) { // ENODEV: an earlier batch took them all
                log.warn("deleting doomed links failed; the next batch retries: {}", e.getMessage());
            }
        }
    }
}
