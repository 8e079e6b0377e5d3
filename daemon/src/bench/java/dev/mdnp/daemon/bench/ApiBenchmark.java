package dev.mdnp.daemon.bench;

import dev.mdnp.daemon.testsupport.UnixHttpClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Load generator for {@code scripts/bench api}: {@code GetCapabilities} round trips over the plugin socket from N
 * keep-alive clients, one thread and one connection each, against several daemons that differ in one setting (the
 * first one is the baseline). The machine it runs on is shared, so the daemons are measured in turn, several rounds,
 * in a rotating order, and the medians are reported: requests/s, p99, and the daemon's CPU time per call, which
 * other load on the machine disturbs far less than the rate. Prints every measurement and then the medians. Not a
 * test: it asserts nothing.
 *
 * <p>Usage: {@code ApiBenchmark SECONDS ROUNDS CLIENTS NAME=SOCKET:PID...}, CLIENTS as a comma-separated list, for
 * example {@code ApiBenchmark 5 5 1,8,64 off=/tmp/a/p.sock:4711 on=/tmp/b/p.sock:4712}.
 */
public final class ApiBenchmark {

    private static final String PATH = "/NetworkDriver.GetCapabilities";
    private static final Duration WARMUP = Duration.ofSeconds(1);
    /** Before the first round, so that the first measurements do not catch a daemon still being compiled. */
    private static final Duration JIT_WARMUP = Duration.ofSeconds(5);
    private static final int JIT_WARMUP_CLIENTS = 8;

    private ApiBenchmark() {
    }

    /**
     * A daemon under test.
     *
     * @param name what the tables call it
     * @param socket its plugin socket
     * @param pid its process, whose CPU time is measured
     */
    record Daemon(String name, Path socket, long pid) {

        /** Parses {@code NAME=SOCKET:PID}. */
        static Daemon parse(String arg) {
            int eq = arg.indexOf('=');
            int colon = arg.lastIndexOf(':');
            return new Daemon(arg.substring(0, eq), Path.of(arg.substring(eq + 1, colon)),
                    Long.parseLong(arg.substring(colon + 1)));
        }

        /** Returns the CPU time the daemon used since it started, user and system, in nanoseconds. */
        long cpuNanos() {
            return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration())
                    .orElseThrow(() -> new IllegalStateException("no CPU time for daemon pid " + pid))
                    .toNanos();
        }
    }

    /**
     * One measured period against one daemon.
     *
     * @param rate requests per second
     * @param p99Millis the 99th latency percentile
     * @param cpuMicrosPerCall the daemon's CPU time during the period divided by the requests it served
     * @param errors failed requests
     */
    record Measurement(double rate, double p99Millis, double cpuMicrosPerCall, long errors) {
    }

    /** Measures every daemon at every client count, round after round, then prints the medians. */
    public static void main(String[] args) throws Exception {
        Duration measure = Duration.ofSeconds(Long.parseLong(args[0]));
        int rounds = Integer.parseInt(args[1]);
        int[] clientCounts = Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
        List<Daemon> daemons = Arrays.stream(args, 3, args.length).map(Daemon::parse).toList();
        Measurement[][][] results = new Measurement[clientCounts.length][daemons.size()][rounds];
        for (Daemon daemon : daemons) {
            SocketLoad.run(daemon.socket(), JIT_WARMUP_CLIENTS, Duration.ZERO, JIT_WARMUP,
                    c -> ApiBenchmark::capabilities);
        }
        System.out.println("| round | clients | daemon | requests/s | p99 ms | daemon CPU µs/call | errors |");
        System.out.println("|---:|---:|---|---:|---:|---:|---:|");
        for (int round = 0; round < rounds; round++) {
            for (int c = 0; c < clientCounts.length; c++) {
                for (int k = 0; k < daemons.size(); k++) {
                    int d = (k + round) % daemons.size(); // rotate, so that no daemon always runs first or last
                    Measurement m = measure(daemons.get(d), clientCounts[c], measure);
                    results[c][d][round] = m;
                    System.out.println(String.format(Locale.ROOT, "| %d | %d | %s | %.0f | %.3f | %.1f | %d |",
                            round + 1, clientCounts[c], daemons.get(d).name(), m.rate(), m.p99Millis(),
                            m.cpuMicrosPerCall(), m.errors()));
                }
            }
        }
        printMedians(clientCounts, daemons, results);
    }

    private static Measurement measure(Daemon daemon, int clients, Duration measure) throws InterruptedException {
        SocketLoad.run(daemon.socket(), clients, Duration.ZERO, WARMUP, c -> ApiBenchmark::capabilities);
        long cpuBefore = daemon.cpuNanos();
        SocketLoad.Result result = SocketLoad.run(daemon.socket(), clients, Duration.ZERO, measure,
                c -> ApiBenchmark::capabilities);
        long cpu = daemon.cpuNanos() - cpuBefore;
        return new Measurement(result.rate(), result.percentileMillis(0.99),
                cpu / 1e3 / Math.max(1, result.requests()), result.errors());
    }

    private static SocketLoad.Sample capabilities(UnixHttpClient client) throws IOException {
        return new SocketLoad.Sample("GetCapabilities", client.post(PATH, "").status() == 200);
    }

    private static void printMedians(int[] clientCounts, List<Daemon> daemons, Measurement[][][] results) {
        String base = daemons.get(0).name();
        System.out.println();
        System.out.println("Medians over the rounds. \"vs " + base + "\" is the median of the per-round ratios to "
                + base + " at the same client count: measured a few seconds apart, the two share the machine's load.");
        System.out.println();
        System.out.println("| clients | daemon | requests/s | vs " + base + " | p99 ms | daemon CPU µs/call | vs "
                + base + " | errors |");
        System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|");
        for (int c = 0; c < clientCounts.length; c++) {
            Measurement[] baseline = results[c][0];
            for (int d = 0; d < daemons.size(); d++) {
                Measurement[] these = results[c][d];
                long errors = Arrays.stream(these).mapToLong(Measurement::errors).sum();
                System.out.println(String.format(Locale.ROOT,
                        "| %d | %s | %.0f | %+.1f %% | %.3f | %.1f | %+.1f %% | %d |", clientCounts[c],
                        daemons.get(d).name(), median(these, Measurement::rate),
                        change(these, baseline, Measurement::rate), median(these, Measurement::p99Millis),
                        median(these, Measurement::cpuMicrosPerCall),
                        change(these, baseline, Measurement::cpuMicrosPerCall), errors));
            }
        }
    }

    /** Returns the median over the rounds of {@code value}'s change from the baseline's, in percent. */
    private static double change(Measurement[] these, Measurement[] baseline, ToDoubleFunction<Measurement> value) {
        double[] ratios = new double[these.length];
        for (int round = 0; round < these.length; round++) {
            ratios[round] = value.applyAsDouble(these[round]) / value.applyAsDouble(baseline[round]);
        }
        return 100 * (median(ratios) - 1);
    }

    private static double median(Measurement[] measurements, ToDoubleFunction<Measurement> value) {
        return median(Arrays.stream(measurements).mapToDouble(value).toArray());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
