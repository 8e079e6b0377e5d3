package dev.mdnp.daemon.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThreadsTest {

    @AfterEach
    void clearInterruptFlag() {
        Thread.interrupted();
    }

    @Test
    void returnsAtOnceForAThreadThatHasEndedAndLeavesTheFlagAlone() throws InterruptedException {
        Thread ended = new Thread(() -> { });
        ended.start();
        ended.join();

        Threads.joinUninterruptibly(ended);

        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void keepsWaitingThroughAnInterruptAndSetsTheFlagAgain() {
        CountDownLatch release = new CountDownLatch(1);
        Thread worker = new Thread(() -> awaitQuietly(release), "threads-test-worker");
        Thread caller = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            await().until(() -> caller.getState() == Thread.State.WAITING);
            caller.interrupt();
            await().until(() -> caller.getState() == Thread.State.WAITING); // joined again after the interrupt
            release.countDown();
        }, "threads-test-interrupter");
        worker.start();
        interrupter.start();

        Threads.joinUninterruptibly(worker);

        assertThat(worker.isAlive()).isFalse();
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
