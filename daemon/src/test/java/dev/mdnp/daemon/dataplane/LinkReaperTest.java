package dev.mdnp.daemon.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mdnp.daemon.netlink.NetlinkException;
import dev.mdnp.daemon.netlink.wire.Errno;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** When the reaper deletes the doomed group, and what it does when the kernel refuses; no kernel needed. */
class LinkReaperTest {

    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void aFailedBatchIsRetriedWithoutANewOne() {
        try (LinkReaper reaper = new LinkReaper(failingFirst(2, Errno.EBUSY))) {
            reaper.reap();

            await().atMost(Duration.ofSeconds(10)).until(() -> attempts.get() == 3);
        }
    }

    @Test
    void aFailureAtStartIsRetriedInTheBackground() {
        try (LinkReaper reaper = new LinkReaper(failingFirst(1, Errno.ENOBUFS))) {
            reaper.reapNow();

            await().atMost(Duration.ofSeconds(10)).until(() -> attempts.get() == 2);
        }
    }

    @Test
    void anEmptyGroupIsNoFailureAndNotRetried() throws InterruptedException {
        try (LinkReaper reaper = new LinkReaper(failingFirst(1, Errno.ENODEV))) {
            reaper.reapNow();
            Thread.sleep(LinkReaper.retryDelay(1).multipliedBy(3).toMillis());
        }
        assertThat(attempts).hasValue(1);
    }

    @Test
    void theRetryDelayDoublesUpToItsBound() {
        assertThat(LinkReaper.retryDelay(1)).isEqualTo(Duration.ofMillis(400));
        assertThat(LinkReaper.retryDelay(2)).isEqualTo(Duration.ofMillis(800));
        assertThat(LinkReaper.retryDelay(7)).isEqualTo(Duration.ofMillis(25_600));
        assertThat(LinkReaper.retryDelay(8)).isEqualTo(LinkReaper.MAX_RETRY_DELAY);
        assertThat(LinkReaper.retryDelay(Integer.MAX_VALUE)).isEqualTo(LinkReaper.MAX_RETRY_DELAY);
    }

    @Test
    void closeTriesAPendingRetryAtOnceInsteadOfWaitingForIt() {
        LinkReaper reaper = new LinkReaper(failingFirst(4, Errno.EBUSY));
        reaper.reapNow();
        await().atMost(Duration.ofSeconds(10)).until(() -> attempts.get() == 4); // the next retry waits 3.2 s

        reaper.close();

        // Exactly one more try, the one close() runs: the scheduled retry is dropped, not waited for and run too.
        assertThat(attempts).hasValue(5);
    }

    /** A group deletion that fails the first {@code failures} times with {@code errno}, then succeeds. */
    private Runnable failingFirst(int failures, Errno errno) {
        return () -> {
            if (attempts.incrementAndGet() <= failures) {
                throw new NetlinkException("delete link group 7", errno.number(), "");
            }
        };
    }
}
