package dev.mdnp.inspector.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A replay thread whose time moves only when a test says so: {@link #advance} runs, on the test's thread, every task
 * that falls due, in the order of their due times (then of scheduling). Public, with {@link ReplayControls}, for
 * the view model tests of other packages.
 */
public final class FakeReplayScheduler implements ReplayScheduler {

    private final List<Task> tasks = new ArrayList<>();
    private Duration now = Duration.ZERO;
    private long scheduled;
    private boolean closed;

    @Override
    public synchronized void schedule(Runnable task, Duration delay) {
        if (!closed) {
            tasks.add(new Task(now.plus(delay), scheduled++, task));
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        tasks.clear();
    }

    /** Moves the clock forward by {@code step}, running each task that falls due at its own time. */
    public void advance(Duration step) {
        Duration end;
        synchronized (this) {
            end = now.plus(step);
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream()
                        .filter(t -> t.due().compareTo(end) <= 0)
                        .min(Comparator.comparing(Task::due).thenComparingLong(Task::order))
                        .orElse(null);
                if (next == null) {
                    now = end;
                    return;
                }
                tasks.remove(next);
                now = next.due();
            }
            next.action().run();
        }
    }

    /** Runs every task that is due now, and those they schedule with no delay. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** Returns how long the clock has moved since the start. */
    public synchronized Duration now() {
        return now;
    }

    /** Returns whether {@link #close()} was called. */
    public synchronized boolean closed() {
        return closed;
    }

    private record Task(Duration due, long order, Runnable action) {
    }
}
