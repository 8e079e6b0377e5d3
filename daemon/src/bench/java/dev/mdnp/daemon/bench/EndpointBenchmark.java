package dev.mdnp.daemon.bench;

import dev.mdnp.daemon.testsupport.UnixHttpClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Load generator for {@code scripts/bench endpoint}: creates one network over the plugin socket, then runs N cycles
 * of CreateEndpoint, Join, Leave, DeleteEndpoint, as Docker sends them for {@code docker run --rm}, each building and
 * removing a real veth pair. Prints the median and p99 of each call and of the whole cycle. Not a test.
 *
 * <p>Usage: {@code EndpointBenchmark SOCKET CYCLES}
 */
public final class EndpointBenchmark {

    private static final String NET = "b".repeat(64);
    private static final String[] CALLS = {"CreateEndpoint", "Join", "Leave", "DeleteEndpoint"};

    private EndpointBenchmark() {
    }

    /** Runs the cycles and prints one line per call. */
    public static void main(String[] args) throws IOException {
        Path socket = Path.of(args[0]);
        int cycles = Integer.parseInt(args[1]);
        Map<String, long[]> nanos = new LinkedHashMap<>();
        for (String call : CALLS) {
            nanos.put(call, new long[cycles]);
        }
        long[] cycleNanos = new long[cycles];
        try (UnixHttpClient client = UnixHttpClient.connect(socket)) {
            ok(client.post("/NetworkDriver.CreateNetwork", "{\"NetworkID\":\"" + NET + "\",\"Options\":{"
                    + "\"com.docker.network.generic\":{},\"com.docker.network.enable_ipv6\":false},"
                    + "\"IPv4Data\":[{\"AddressSpace\":\"LocalDefault\",\"Gateway\":\"10.231.200.1/24\","
                    + "\"Pool\":\"10.231.200.0/24\"}],\"IPv6Data\":[]}"));
            for (int i = 0; i < cycles; i++) {
                String endpoint = String.format("%010x", i) + "e".repeat(54);
                String ids = "{\"NetworkID\":\"" + NET + "\",\"EndpointID\":\"" + endpoint + "\"";
                String[] bodies = {
                    ids + ",\"Interface\":{\"Address\":\"10.231.200.2/24\",\"AddressIPv6\":\"\",\"MacAddress\":\"\"},"
                            + "\"Options\":{}}",
                    ids + ",\"SandboxKey\":\"/var/run/docker/netns/bench\",\"Options\":{}}",
                    ids + "}",
                    ids + "}"};
                long cycleStart = System.nanoTime();
                for (int c = 0; c < CALLS.length; c++) {
                    long start = System.nanoTime();
                    ok(client.post("/NetworkDriver." + CALLS[c], bodies[c]));
                    nanos.get(CALLS[c])[i] = System.nanoTime() - start;
                }
                cycleNanos[i] = System.nanoTime() - cycleStart;
            }
            ok(client.post("/NetworkDriver.DeleteNetwork", "{\"NetworkID\":\"" + NET + "\"}"));
        }
        System.out.println("| call | median ms | p99 ms |");
        System.out.println("|---|---:|---:|");
        nanos.forEach((call, samples) -> System.out.println(row(call, samples)));
        System.out.println(row("whole cycle", cycleNanos));
    }

    private static void ok(UnixHttpClient.Reply reply) {
        if (reply.status() != 200) {
            throw new IllegalStateException("call failed: " + reply.status() + " " + reply.body());
        }
    }

    private static String row(String name, long[] samples) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "| %s | %.3f | %.3f |", name, sorted[sorted.length / 2] / 1e6,
                sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1e6);
    }
}
