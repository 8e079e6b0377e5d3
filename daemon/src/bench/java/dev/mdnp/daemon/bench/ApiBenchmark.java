package dev.mdnp.daemon.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Load generator for {@code scripts/bench api}: {@code GetCapabilities} round trips over the plugin socket from N
 * keep-alive clients, one thread and one connection each, for a fixed time after a warm-up. Prints requests/s and
 * latency percentiles per client count. Not a test: it asserts nothing.
 *
 * <p>Usage: {@code ApiBenchmark SOCKET SECONDS CLIENTS...}
 */
public final class ApiBenchmark {

    private static final String PATH = "/NetworkDriver.GetCapabilities";
    private static final Duration WARMUP = Duration.ofSeconds(2);

    private ApiBenchmark() {
    }

    /** Runs one measurement per client count and prints one line for each. */
    public static void main(String[] args) throws Exception {
        Path socket = Path.of(args[0]);
        Duration measure = Duration.ofSeconds(Long.parseLong(args[1]));
        System.out.println("| clients | requests/s | p50 ms | p99 ms | errors |");
        System.out.println("|---:|---:|---:|---:|---:|");
        for (int i = 2; i < args.length; i++) {
            SocketLoad.Result result = SocketLoad.run(socket, Integer.parseInt(args[i]), WARMUP, measure,
                    c -> client -> new SocketLoad.Sample("GetCapabilities", client.post(PATH, "").status() == 200));
            System.out.println(String.format(Locale.ROOT, "| %d | %.0f | %s | %s | %d |", result.clients(),
                    result.rate(), SocketLoad.Result.ms(result.percentileMillis(0.50)),
                    SocketLoad.Result.ms(result.percentileMillis(0.99)), result.errors()));
        }
    }
}
