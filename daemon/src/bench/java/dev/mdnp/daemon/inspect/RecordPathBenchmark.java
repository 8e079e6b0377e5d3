package dev.mdnp.daemon.inspect;

import com.sun.management.ThreadMXBean;
import dev.mdnp.model.inspect.InspectEvent;
import dev.mdnp.model.inspect.PhaseTimings;
import dev.mdnp.model.inspect.RequestRecord;
import dev.mdnp.model.json.JsonMappers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Microbenchmark of the request log's work per call, without JMH: each step runs {@code N} times on one thread after
 * four warm-up runs of the same length (fewer leave the first step half-compiled), and prints nanoseconds and bytes
 * allocated per call (the bytes are what the collector pays for later). The record is a {@code GetCapabilities} call
 * as {@code scripts/bench api} sends it. Not a test: it asserts nothing.
 *
 * <p>Usage: {@code RecordPathBenchmark [N]}, N defaulting to 1,000,000.
 */
public final class RecordPathBenchmark {

    private static final int BATCH = 512;
    private static final String REQUEST = "{}";
    private static final String RESPONSE = "{\"Scope\":\"local\",\"ConnectivityScope\":\"local\"}";

    private RecordPathBenchmark() {
    }

    /** Runs every step five times (the first four warm up) and prints the last run's cost per call. */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        RequestHistory history = new RequestHistory(10_000);
        SseFrames frames = new SseFrames(JsonMappers.create().writerFor(InspectEvent.class), 2_048);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Counter counter = Counter.builder("c").tag("method", "m").register(registry);
        Timer histogram = Timer.builder("h").tag("method", "m").publishPercentileHistogram().register(registry);
        Timer plain = Timer.builder("p").tag("method", "m").register(registry);
        long[] seq = {0};
        step("record built", n, i -> record(i));
        step("history.recorded, no taps", n, i -> history.recorded(record(i)));
        step("counter.increment", n, i -> counter.increment());
        step("timer with percentile histogram", n, i -> histogram.record(30 + i % 200, TimeUnit.MICROSECONDS));
        step("timer without histogram", n, i -> plain.record(30 + i % 200, TimeUnit.MICROSECONDS));
        step("SSE frame of a new event, kept for other streams", n, i -> {
            try {
                frames.frame(new InspectEvent.Request(++seq[0], record(seq[0])));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        List<InspectEvent> batch = new ArrayList<>(BATCH);
        step("SSE frame of a new event, lone stream (batches of " + BATCH + " into its buffer)", n, i -> {
            batch.add(new InspectEvent.Request(++seq[0], record(seq[0])));
            if (batch.size() == BATCH) {
                buffer.reset();
                try {
                    frames.appendAll(batch, buffer, false);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                batch.clear();
            }
        });
        registry.close();
    }

    /** One step of the record path, called with the iteration number. */
    @FunctionalInterface
    private interface Step {
        void run(long i);
    }

    private static void step(String name, int n, Step step) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long nanos = 0;
        long bytes = 0;
        for (int pass = 0; pass < 5; pass++) {
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            long t0 = System.nanoTime();
            for (long i = 0; i < n; i++) {
                step.run(i);
            }
            nanos = System.nanoTime() - t0;
            bytes = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        }
        System.out.printf(Locale.ROOT, "| %s | %.0f ns | %.0f bytes |%n", name, (double) nanos / n, (double) bytes / n);
    }

    private static RequestRecord record(long seq) {
        return new RequestRecord(seq, Instant.now(), "NetworkDriver.GetCapabilities", "", "", 200, "", REQUEST,
                RESPONSE, 42, new PhaseTimings(10, 20, 0, 0, 12), List.of());
    }
}
