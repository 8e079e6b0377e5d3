package dev.mdnp.daemon.bench;

import dev.mdnp.daemon.testsupport.UnixHttpClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Closed-loop load over the plugin socket, shared by the benchmarks: N clients, one thread and one keep-alive
 * connection each, each sending its next request as soon as it has read the previous reply, for a warm-up and then
 * a measured period. Every measured request's latency is kept under the label its {@link Step} gives it.
 */
final class SocketLoad {

    private SocketLoad() {
    }

    /** One client's requests; called in a loop on the client's own thread, so it may keep state between calls. */
    @FunctionalInterface
    interface Step {

        /** Sends one request and reads its reply; returns null when the client has nothing left to send. */
        Sample send(UnixHttpClient client) throws IOException;
    }

    /**
     * What one request was.
     *
     * @param label the name its latency is reported under
     * @param ok whether it got a 200
     */
    record Sample(String label, boolean ok) {
    }

    /**
     * The measured part of a run.
     *
     * @param clients the number of clients
     * @param seconds how long the measured part lasted
     * @param sortedNanos the latencies of the measured requests, by label, sorted
     * @param errors requests that did not get a 200, plus clients that lost their connection
     */
    record Result(int clients, double seconds, Map<String, long[]> sortedNanos, long errors) {

        /** Returns the number of measured requests. */
        long requests() {
            return sortedNanos.values().stream().mapToLong(a -> a.length).sum();
        }

        /** Returns measured requests per second. */
        double rate() {
            return requests() / seconds;
        }

        /** Returns the latency percentile {@code p} (0 to 1) of the requests labelled {@code label}, in ms. */
        double percentileMillis(String label, double p) {
            long[] sorted = sortedNanos.getOrDefault(label, new long[0]);
            if (sorted.length == 0) {
                return Double.NaN;
            }
            return sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1e6;
        }

        /** Returns the latency percentile {@code p} of all requests, in ms. */
        double percentileMillis(double p) {
            long[] all = sortedNanos.values().stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Result(clients, seconds, Map.of("", all), errors).percentileMillis("", p);
        }

        /** Formats {@code value} with three decimals, as the tables in docs/benchmarks.md show them. */
        static String ms(double value) {
            return String.format(Locale.ROOT, "%.3f", value);
        }
    }

    /**
     * Runs {@code clients} clients against {@code socket}: client {@code i} sends the requests of
     * {@code stepFor.apply(i)} until {@code warmup} plus {@code measure} have passed or its step returns null.
     */
    static Result run(Path socket, int clients, Duration warmup, Duration measure, IntFunction<Step> stepFor)
            throws InterruptedException {
        AtomicLong errors = new AtomicLong();
        AtomicLong lastFinish = new AtomicLong();
        List<Map<String, Samples>> perClient = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        for (int c = 0; c < clients; c++) {
            Step step = stepFor.apply(c);
            Map<String, Samples> samples = new HashMap<>();
            perClient.add(samples);
            Thread thread = new Thread(() -> {
                try (UnixHttpClient client = UnixHttpClient.connect(socket)) {
                    long now = System.nanoTime();
                    while (now < end) {
                        long before = now;
                        Sample sample = step.send(client);
                        if (sample == null) {
                            break;
                        }
                        if (!sample.ok()) {
                            errors.incrementAndGet();
                        }
                        now = System.nanoTime();
                        if (before >= measureFrom) {
                            samples.computeIfAbsent(sample.label(), l -> new Samples()).add(now - before);
                        }
                    }
                    lastFinish.accumulateAndGet(Math.min(now, end), Math::max);
                } catch (IOException e) {
                    errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
            }, "bench-client-" + c);
            thread.start();
        }
        done.await();
        Map<String, long[]> merged = new LinkedHashMap<>();
        for (Map<String, Samples> samples : perClient) {
            samples.forEach((label, s) -> merged.merge(label, s.toArray(), SocketLoad::concat));
        }
        merged.values().forEach(Arrays::sort);
        double seconds = Math.max(1, lastFinish.get() - measureFrom) / 1e9;
        return new Result(clients, seconds, merged, errors.get());
    }

    private static long[] concat(long[] a, long[] b) {
        long[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** A growable array of latencies, owned by one client thread. */
    private static final class Samples {
        private long[] nanos = new long[1024];
        private int size;

        void add(long value) {
            if (size == nanos.length) {
                nanos = Arrays.copyOf(nanos, size * 2);
            }
            nanos[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(nanos, size);
        }
    }
}
