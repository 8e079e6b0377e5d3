package dev.mdnp.daemon.bench;

import dev.mdnp.daemon.testsupport.UnixHttpClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load generator for {@code scripts/bench ipam}: RequestAddress and ReleaseAddress over the plugin socket, as Docker
 * sends them for container starts and stops, against one /16 pool. Each client alternates an automatic
 * RequestAddress with the ReleaseAddress of what it got, so every request is one change the daemon commits before
 * it replies. After a warm-up, measured on the empty pool, then again after FILL addresses of the pool have been taken (the fill
 * itself is reported too), then the time of the ReleasePool that frees them all. Not a test: it asserts nothing.
 *
 * <p>Usage: {@code IpamBenchmark SOCKET SECONDS FILL CLIENTS...}
 */
public final class IpamBenchmark {

    private static final String SUBNET = "10.100.0.0/16";
    private static final Duration WARMUP = Duration.ofSeconds(2);
    /** Before the first measurement: a cold JVM on both sides would otherwise show in the first row. */
    private static final Duration FIRST_WARMUP = Duration.ofSeconds(5);
    private static final int FILL_CLIENTS = 8;
    private static final int FILL_BAND = 10_000;
    private static final String REQUEST = "RequestAddress";
    private static final String RELEASE = "ReleaseAddress";

    private IpamBenchmark() {
    }

    /** Runs the measurements and prints a table for each. */
    public static void main(String[] args) throws Exception {
        Path socket = Path.of(args[0]);
        Duration measure = Duration.ofSeconds(Long.parseLong(args[1]));
        int fill = Integer.parseInt(args[2]);
        String poolId;
        try (UnixHttpClient client = UnixHttpClient.connect(socket)) {
            String space = field(ok(client.post("/IpamDriver.GetDefaultAddressSpaces", "")),
                    "LocalDefaultAddressSpace");
            poolId = field(ok(client.post("/IpamDriver.RequestPool", "{\"AddressSpace\":\"" + space
                    + "\",\"Pool\":\"" + SUBNET + "\",\"SubPool\":\"\",\"Options\":{},\"V6\":false}")), "PoolID");
        }

        SocketLoad.run(socket, FILL_CLIENTS, FIRST_WARMUP, Duration.ZERO, c -> new Cycle(poolId));
        System.out.println("## RequestAddress + ReleaseAddress, " + SUBNET + " empty");
        cycles(socket, measure, poolId, args);

        System.out.printf(Locale.ROOT, "## filling %s with %,d addresses (%d clients, automatic RequestAddress)%n",
                SUBNET, fill, FILL_CLIENTS);
        AtomicInteger next = new AtomicInteger();
        SocketLoad.Result filled = SocketLoad.run(socket, FILL_CLIENTS, Duration.ZERO, Duration.ofHours(1),
                c -> client -> {
                    int n = next.getAndIncrement();
                    if (n >= fill) {
                        return null;
                    }
                    return new SocketLoad.Sample(String.format(Locale.ROOT, "%06d", n / FILL_BAND * FILL_BAND),
                            client.post("/IpamDriver.RequestAddress", addressRequest(poolId)).status() == 200);
                });
        System.out.println("| addresses already taken | p50 ms | p99 ms |");
        System.out.println("|---|---:|---:|");
        new TreeMap<>(filled.sortedNanos()).keySet().forEach(band -> System.out.printf(Locale.ROOT,
                "| %,d–%,d | %s | %s |%n", Integer.parseInt(band), Integer.parseInt(band) + FILL_BAND,
                SocketLoad.Result.ms(filled.percentileMillis(band, 0.50)),
                SocketLoad.Result.ms(filled.percentileMillis(band, 0.99))));
        System.out.printf(Locale.ROOT, "fill: %,d requests in %.1f s = %.0f requests/s, %d errors%n",
                filled.requests(), filled.seconds(), filled.rate(), filled.errors());

        System.out.printf(Locale.ROOT, "## RequestAddress + ReleaseAddress, %,d of %s taken%n", fill, SUBNET);
        cycles(socket, measure, poolId, args);

        try (UnixHttpClient client = UnixHttpClient.connect(socket)) {
            long start = System.nanoTime();
            ok(client.post("/IpamDriver.ReleasePool", "{\"PoolID\":\"" + poolId + "\"}"));
            System.out.printf(Locale.ROOT, "ReleasePool of the filled pool: %.1f ms%n",
                    (System.nanoTime() - start) / 1e6);
        }
    }

    /** Measures the request-release cycle once per client count in {@code args[3..]}. */
    private static void cycles(Path socket, Duration measure, String poolId, String[] args) throws Exception {
        System.out.println("| clients | requests/s | RequestAddress p50 / p99 ms | ReleaseAddress p50 / p99 ms"
                + " | errors |");
        System.out.println("|---:|---:|---:|---:|---:|");
        for (int i = 3; i < args.length; i++) {
            SocketLoad.Result result = SocketLoad.run(socket, Integer.parseInt(args[i]), WARMUP, measure,
                    c -> new Cycle(poolId));
            System.out.println(String.format(Locale.ROOT, "| %d | %.0f | %s / %s | %s / %s | %d |",
                    result.clients(), result.rate(),
                    SocketLoad.Result.ms(result.percentileMillis(REQUEST, 0.50)),
                    SocketLoad.Result.ms(result.percentileMillis(REQUEST, 0.99)),
                    SocketLoad.Result.ms(result.percentileMillis(RELEASE, 0.50)),
                    SocketLoad.Result.ms(result.percentileMillis(RELEASE, 0.99)), result.errors()));
        }
    }

    /** One client's container starts and stops: an automatic RequestAddress, then the release of its address. */
    private static final class Cycle implements SocketLoad.Step {

        private final String poolId;
        private String held;

        Cycle(String poolId) {
            this.poolId = poolId;
        }

        @Override
        public SocketLoad.Sample send(UnixHttpClient client) throws IOException {
            if (held == null) {
                UnixHttpClient.Reply reply = client.post("/IpamDriver.RequestAddress", addressRequest(poolId));
                if (reply.status() == 200) {
                    String cidr = field(reply, "Address");
                    held = cidr.substring(0, cidr.indexOf('/'));
                }
                return new SocketLoad.Sample(REQUEST, reply.status() == 200);
            }
            UnixHttpClient.Reply reply = client.post("/IpamDriver.ReleaseAddress",
                    "{\"PoolID\":\"" + poolId + "\",\"Address\":\"" + held + "\"}");
            held = null;
            return new SocketLoad.Sample(RELEASE, reply.status() == 200);
        }
    }

    /** The body of an automatic RequestAddress for a container, as Docker sends it (cnm-remote-api.md §3.5). */
    private static String addressRequest(String poolId) {
        return "{\"PoolID\":\"" + poolId + "\",\"Address\":\"\",\"Options\":null}";
    }

    private static UnixHttpClient.Reply ok(UnixHttpClient.Reply reply) {
        if (reply.status() != 200) {
            throw new IllegalStateException("call failed: " + reply.status() + " " + reply.body());
        }
        return reply;
    }

    /** Returns a string field of a flat JSON reply; the replies read here hold no escaped quotes. */
    private static String field(UnixHttpClient.Reply reply, String name) {
        String body = reply.body();
        String key = "\"" + name + "\":";
        int at = body.indexOf(key);
        if (at < 0) {
            throw new IllegalStateException("no " + name + " in " + body);
        }
        int open = body.indexOf('"', at + key.length());
        return body.substring(open + 1, body.indexOf('"', open + 1));
    }
}
