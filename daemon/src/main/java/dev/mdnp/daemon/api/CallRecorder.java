package dev.mdnp.daemon.api;

import static java.util.Objects.requireNonNull;

import dev.mdnp.model.inspect.KernelOpRecord;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Numbers the plugin calls, collects what each one does and hands its {@link RequestRecord} to a {@link RequestSink}
 * once the reply is sent. Recording never blocks or fails a call: a sink that throws loses that record, and the
 * failure is logged for the first and then every 1000th time.
 *
 * <p>The layers below the api report into the call running on the current thread through {@link #kernelOp} and
 * {@link #storeCommitted}: a call's driver work runs on the worker thread that dispatched it, from start to end.
 * Called on a thread that runs no call (start-up restore, the reconciler), they do nothing.
 *
 * <p>Thread-safe; one instance serves all the calls of a {@link PluginApi}.
 */
public final class CallRecorder {

    static final long LOG_SINK_FAILURE_EVERY = 1_000;

    private static final Logger log = LoggerFactory.getLogger(CallRecorder.class);

    private final RequestSink sink;
    private final InstantSource clock;
    private final LongSupplier ticker;
    private final AtomicLong lastSeq = new AtomicLong();
    private final AtomicLong sinkFailures = new AtomicLong();
    private final ThreadLocal<CallTrace> current = new ThreadLocal<>();

    /**
     * Creates a recorder.
     *
     * @param sink takes every finished call's record, on the thread that finished the call
     * @param clock gives each record's start time; durations come from {@code System.nanoTime()}
     */
    public CallRecorder(RequestSink sink, InstantSource clock) {
        this(sink, clock, System::nanoTime);
    }

    /** Creates a recorder that reads durations from {@code ticker}, a stand-in for {@code System.nanoTime()}. */
    CallRecorder(RequestSink sink, InstantSource clock, LongSupplier ticker) {
        this.sink = requireNonNull(sink, "sink");
        this.clock = requireNonNull(clock, "clock");
        this.ticker = requireNonNull(ticker, "ticker");
    }

    /** Adds a finished kernel operation to the call running on this thread, if any. Never throws. */
    public void kernelOp(KernelOpRecord op) {
        CallTrace trace = current.get();
        if (trace != null && op != null) {
            trace.kernelOp(op);
        }
    }

    /** Adds the time of a store commit, in nanoseconds, to the call running on this thread, if any. Never throws. */
    public void storeCommitted(long nanos) {
        CallTrace trace = current.get();
        if (trace != null && nanos > 0) {
            trace.storeCommitted(nanos);
        }
    }

    /** Starts the trace of a new call, numbered after the previous one. */
    CallTrace start(String method) {
        return new CallTrace(lastSeq.incrementAndGet(), clock.instant(), method, ticker);
    }

    /** Makes {@code trace} the call running on this thread, until {@link #leave}. */
    void enter(CallTrace trace) {
        current.set(trace);
    }

    /** Ends {@link #enter}. */
    void leave() {
        current.remove();
    }

    /** Hands a finished call's record to the sink; a failure of the sink stays here. */
    void publish(RequestRecord record) {
        try {
            sink.recorded(record);
        } catch (RuntimeException e) { // the sink must not throw; if it does, the call must not suffer for it
            long failures = sinkFailures.incrementAndGet();
            if (failures % LOG_SINK_FAILURE_EVERY == 1) {
                log.warn("request sink failed, record lost seq={} failures={}", record.seq(), failures, e);
            }
        }
    }
}
