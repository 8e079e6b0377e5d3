package dev.mdnp.daemon.transport;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.Xnio;
import org.xnio.XnioExecutor;
import org.xnio.XnioIoThread;
import org.xnio.XnioWorker;

/**
 * An XNIO I/O thread that runs a plain JDK {@link Selector} loop over UNIX-domain channels. Undertow reaches it as
 * {@code connection.getIoThread()}: it runs queued tasks ({@link #execute}) and timers ({@link #executeAfter}, used
 * for the Date header cache and the request parse timeout), and it calls the {@link Ready} handler attached to each
 * selection key.
 *
 * <p>Thread safety: {@code execute}, {@code executeAfter}, {@code executeAtInterval}, {@link #setOps},
 * {@link #clearOps} and {@link #shutdown} may be called from any thread. {@link #register} must be called on this
 * thread or before it starts. The task queue and the {@code terminated} flag are guarded by {@code tasks}; the timer
 * set by {@code timers}. After {@link #shutdown} the loop closes every registered channel and the selector, and new
 * tasks are rejected.
 */
final class UdsIoThread extends XnioIoThread {

    /** What a selection key's attachment does when its channel is ready. */
    interface Ready {

        /** Handles readiness; {@code ops} are the ready operations, or the operations of a forced wakeup. */
        void handleReady(int ops);

        /** Closes the channel because the thread shuts down. */
        void forceTermination();
    }

    private static final Logger log = LoggerFactory.getLogger(UdsIoThread.class);

    private final Selector selector;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private final TreeSet<Timer> timers = new TreeSet<>();
    private final AtomicLong timerSequence = new AtomicLong();
    private volatile boolean stopRequested;
    private boolean terminated;

    UdsIoThread(XnioWorker worker, int number, String name) throws IOException {
        super(requireNonNull(worker, "worker"), number, requireNonNull(name, "name"));
        this.selector = Selector.open();
    }

    @Override
    public void run() {
        // Like XNIO's own I/O threads: a handler that tries to block here fails instead of stalling every connection.
        Xnio.allowBlocking(false);
        try {
            while (!stopRequested) {
                runTasks();
                long delay = runDueTimers();
                if (hasTasks()) {
                    selector.selectNow(this::dispatch);
                } else if (delay < 0) {
                    selector.select(this::dispatch);
                } else {
                    selector.select(this::dispatch, delay);
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            log.error("i/o thread failed thread={}; its connections are closed", getName(), e);
        } finally {
            terminate();
        }
    }

    @Override
    public void execute(Runnable command) {
        requireNonNull(command, "command");
        synchronized (tasks) {
            if (terminated) {
                throw new RejectedExecutionException("i/o thread " + getName() + " has stopped");
            }
            tasks.add(command);
        }
        if (Thread.currentThread() != this) {
            selector.wakeup();
        }
    }

    @Override
    public XnioExecutor.Key executeAfter(Runnable command, long time, TimeUnit unit) {
        return schedule(command, unit.toNanos(time), 0L);
    }

    @Override
    public XnioExecutor.Key executeAtInterval(Runnable command, long time, TimeUnit unit) {
        long nanos = Math.max(1L, unit.toNanos(time));
        return schedule(command, nanos, nanos);
    }

    /** Registers a channel with this thread's selector; call it on this thread or before the thread starts. */
    SelectionKey register(SelectableChannel channel, int ops, @Nullable Ready handler) throws ClosedChannelException {
        return channel.register(selector, ops, handler);
    }

    /** Adds interest in {@code ops}; wakes the selector when called from another thread so the change applies now. */
    void setOps(SelectionKey key, int ops) {
        try {
            key.interestOpsOr(ops);
        } catch (CancelledKeyException e) {
            return;
        }
        if (Thread.currentThread() != this) {
            selector.wakeup();
        }
    }

    /** Removes interest in {@code ops}; a readiness already selected may still be delivered once. */
    void clearOps(SelectionKey key, int ops) {
        try {
            key.interestOpsAnd(~ops);
        } catch (CancelledKeyException e) {
            log.trace("key already cancelled thread={}", getName());
        }
    }

    /** Makes a blocked {@code select} return, for example so that the fd of a closed channel is released at once. */
    void wakeupSelector() {
        selector.wakeup();
    }

    /** Asks the loop to stop; it then closes every channel it serves. Returns at once; join the thread to wait. */
    void shutdown() {
        stopRequested = true;
        selector.wakeup();
    }

    /** Releases the selector of a thread that was never started. */
    void discard() {
        try {
            selector.close();
        } catch (IOException e) {
            log.warn("closing selector failed thread={}", getName(), e);
        }
    }

    private boolean hasTasks() {
        synchronized (tasks) {
            return !tasks.isEmpty();
        }
    }

    private void runTasks() {
        // Only the tasks present now: a task that queues another (a wakeup) must not starve the selector.
        List<Runnable> batch;
        synchronized (tasks) {
            batch = List.copyOf(tasks);
            tasks.clear();
        }
        batch.forEach(this::runSafely);
    }

    /** Runs the timers that are due and returns the milliseconds until the next one, or -1 when none is set. */
    private long runDueTimers() {
        long now = System.nanoTime();
        while (true) {
            Timer due;
            synchronized (timers) {
                if (timers.isEmpty()) {
                    return -1L;
                }
                Timer first = timers.first();
                long wait = first.deadline - now;
                if (wait > 0) {
                    return Math.max(1L, TimeUnit.NANOSECONDS.toMillis(wait + 999_999L));
                }
                timers.pollFirst();
                due = first;
            }
            runSafely(due.command);
            if (due.interval > 0) {
                synchronized (timers) {
                    if (!due.cancelled) {
                        // Fixed delay from now: a late timer must not fire in a burst to catch up.
                        due.deadline = System.nanoTime() + due.interval;
                        timers.add(due);
                    }
                }
            }
        }
    }

    private XnioExecutor.Key schedule(Runnable command, long delayNanos, long intervalNanos) {
        requireNonNull(command, "command");
        if (stopRequested) {
            throw new RejectedExecutionException("i/o thread " + getName() + " is stopping");
        }
        Timer timer = new Timer(this, command, System.nanoTime() + Math.max(0L, delayNanos), intervalNanos,
                timerSequence.incrementAndGet());
        boolean first;
        synchronized (timers) {
            timers.add(timer);
            first = timers.first() == timer;
        }
        if (first && Thread.currentThread() != this) {
            selector.wakeup();
        }
        return timer;
    }

    private void dispatch(SelectionKey key) {
        if (key.attachment() instanceof Ready ready) {
            try {
                ready.handleReady(key.readyOps());
            } catch (CancelledKeyException e) {
                log.trace("key cancelled while handling readiness thread={}", getName());
            }
        }
    }

    private void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // The loop is this thread's top: one faulty task must not stop every connection it serves.
            log.error("task failed on i/o thread={}", getName(), e);
        }
    }

    private void terminate() {
        synchronized (tasks) {
            terminated = true;
        }
        // Tasks queued before the stop may register channels (new connections): run them so they are closed below.
        runTasks();
        for (SelectionKey key : List.copyOf(selector.keys())) {
            if (key.attachment() instanceof Ready ready) {
                try {
                    ready.forceTermination();
                } catch (RuntimeException e) {
                    log.warn("closing a channel failed thread={}", getName(), e);
                }
            }
        }
        synchronized (timers) {
            timers.clear();
        }
        try {
            selector.close();
        } catch (IOException e) {
            log.warn("closing selector failed thread={}", getName(), e);
        }
    }

    /** A scheduled task; ordered by deadline, then by creation so that equal deadlines stay distinct. */
    private static final class Timer implements XnioExecutor.Key, Comparable<Timer> {
        private final UdsIoThread owner;
        private final Runnable command;
        private final long interval;
        private final long sequence;
        // Both guarded by owner.timers; the deadline changes only while the timer is out of the set.
        private long deadline;
        private boolean cancelled;

        Timer(UdsIoThread owner, Runnable command, long deadline, long interval, long sequence) {
            this.owner = owner;
            this.command = command;
            this.deadline = deadline;
            this.interval = interval;
            this.sequence = sequence;
        }

        @Override
        public boolean remove() {
            synchronized (owner.timers) {
                cancelled = true;
                return owner.timers.remove(this);
            }
        }

        @Override
        public int compareTo(Timer other) {
            int byDeadline = Long.compare(deadline - other.deadline, 0L);
            return byDeadline != 0 ? byDeadline : Long.compare(sequence, other.sequence);
        }
    }
}
