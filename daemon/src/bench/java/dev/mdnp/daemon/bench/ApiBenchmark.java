package dev.mdnp.daemon.bench;

import dev.mdnp.daemon.testsupport.UnixHttpClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for {@code scripts/bench api}: {@code GetCapabilities} round trips over the plugin socket from N
 * keep-alive clients, one thread and one connection each, for a fixed time after a warm-up. Prints requests/s and
 * latency percentiles per client count. Not a test: it asserts nothing.
 *
 * <p>Usage: {@code ApiBenchmark SOCKET SECONDS CLIENTS...}
 */
public final class ApiBenchmark {

    private static final String PATH = "/NetworkDriver.GetCapabilities";
    private static final long WARMUP_NANOS = 2_000_000_000L;

    private ApiBenchmark() {
    }

    /** Runs one measurement per client count and prints one line for each. */
    public static void main(String[] args) throws Exception {
        Path socket = Path.of(args[0]);
        long seconds = Long.parseLong(args[1]);
        System.out.println("| clients | requests/s | p50 ms | p99 ms | errors |");
        System.out.println("|---:|---:|---:|---:|---:|");
        for (int i = 2; i < args.length; i++) {
            System.out.println(run(socket, Integer.parseInt(args[i]), seconds * 1_000_000_000L));
        }
    }

    private static String run(Path socket, int clients, long measureNanos) throws InterruptedException {
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        long measureFrom = start + WARMUP_NANOS;
        long end = measureFrom + measureNanos;
        for (int c = 0; c < clients; c++) {
            long[] samples = new long[4_000_000 / clients];
            int[] count = new int[1];
            latencies.add(samples);
            counts.add(count);
            Thread thread = new Thread(() -> {
                try (UnixHttpClient client = UnixHttpClient.connect(socket)) {
                    long now = System.nanoTime();
                    while (now < end) {
                        long before = now;
                        if (client.post(PATH, "").status() != 200) {
                            errors.incrementAndGet();
                        }
                        now = System.nanoTime();
                        if (before >= measureFrom && count[0] < samples.length) {
                            samples[count[0]++] = now - before;
                        }
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
            }, "bench-client-" + c);
            thread.start();
        }
        done.await();
        int total = counts.stream().mapToInt(count -> count[0]).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies.get(c), 0, all, at, counts.get(c)[0]);
            at += counts.get(c)[0];
        }
        Arrays.sort(all);
        double rate = total / (measureNanos / 1e9);
        return String.format(Locale.ROOT, "| %d | %.0f | %.3f | %.3f | %d |",
                clients, rate, percentile(all, 0.50), percentile(all, 0.99), errors.get());
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1e6;
    }
}
