package dev.mdnp.daemon.concurrent;

/** Waits for threads to end without giving up on an interrupt. */
public final class Threads {

    private Threads() {
    }

    /**
     * Waits until {@code thread} has ended. An interrupt does not cut the wait short: it is remembered and the
     * calling thread's interrupt flag is set again before this returns.
     */
    public static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
