package dev.mdnp.daemon.bench;

import dev.mdnp.daemon.testsupport.UnixHttpClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * Load generator for {@code scripts/bench program}: the calls that change mdnp's firewall, over the plugin socket,
 * as Docker sends them. First CYCLES cycles of CreateNetwork and DeleteNetwork ({@code docker network create -d mdnp
 * --subnet ...} and {@code docker network rm}), each with a new network id; then, on one network, CYCLES cycles of
 * two containers, one started as {@code docker run --rm -p 80} and one as {@code -p 80-89} (10 ports, host ports
 * chosen by mdnp): CreateEndpoint, Join, ProgramExternalConnectivity, RevokeExternalConnectivity, Leave,
 * DeleteEndpoint. Ten cycles of each part come first and are not counted. Prints the p50 and p99 of each call and
 * writes them to {@code OUT_DIR/mdnp.tsv}. Not a test: it asserts nothing.
 *
 * <p>Before the measured cycles, one cycle of each kind lists the daemon's rules (through {@code nsenter} into the
 * network namespace of DAEMON_PID) before and after the call, and writes what the call added as
 * {@code iptables-restore} input to OUT_DIR: {@code base.FAMILY} and {@code network.FAMILY} (whole listings without
 * and with a network), {@code network-add.FAMILY}, {@code network-del.FAMILY}, {@code ports1-add.FAMILY} ... for
 * {@code ports10}, FAMILY being {@code iptables} or {@code ip6tables}, a file only when the change has rules in that
 * family. {@code scripts/bench program} replays them without mdnp as the floor.
 *
 * <p>Usage: {@code ProgramBenchmark SOCKET DAEMON_PID CYCLES OUT_DIR}
 */
public final class ProgramBenchmark {

    private static final int WARMUP = 10;
    private static final String SUBNET = "10.231.200.0/24";
    private static final String[] FAMILIES = {"iptables", "ip6tables"};
    private static final String CREATE_NETWORK = "CreateNetwork";
    private static final String DELETE_NETWORK = "DeleteNetwork";

    private final UnixHttpClient client;
    private final long daemonPid;
    private final Path out;
    private final Map<String, List<Long>> nanos = new LinkedHashMap<>();
    private int ids;

    private ProgramBenchmark(UnixHttpClient client, long daemonPid, Path out) {
        this.client = client;
        this.daemonPid = daemonPid;
        this.out = out;
    }

    /** Runs the cycles, prints the table and writes the floor's inputs. */
    public static void main(String[] args) throws Exception {
        Path socket = Path.of(args[0]);
        long pid = Long.parseLong(args[1]);
        int cycles = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        try (UnixHttpClient client = UnixHttpClient.connect(socket)) {
            new ProgramBenchmark(client, pid, out).run(cycles);
        }
    }

    private void run(int cycles) throws Exception {
        captureNetwork();
        for (int i = 0; i < WARMUP; i++) {
            networkCycle(false);
        }
        for (int i = 0; i < cycles; i++) {
            networkCycle(true);
        }

        String network = newId('b');
        call(null, CREATE_NETWORK, createNetwork(network));
        snapshots("network");
        capturePorts(network, 1);
        capturePorts(network, 10);
        for (int i = 0; i < WARMUP; i++) {
            container(network, 1, false);
            container(network, 10, false);
        }
        for (int i = 0; i < cycles; i++) {
            container(network, 1, true);
            container(network, 10, true);
        }
        call(null, DELETE_NETWORK, "{\"NetworkID\":\"" + network + "\"}");

        StringBuilder tsv = new StringBuilder();
        System.out.println("| call | p50 ms | p99 ms | calls |");
        System.out.println("|---|---:|---:|---:|");
        nanos.forEach((label, samples) -> {
            long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %d |%n", label, percentile(sorted, 0.5),
                    percentile(sorted, 0.99), sorted.length);
            tsv.append(String.format(Locale.ROOT, "%s\t%.3f\t%.3f%n", label, percentile(sorted, 0.5),
                    percentile(sorted, 0.99)));
        });
        Files.writeString(out.resolve("mdnp.tsv"), tsv);
    }

    /** Lists the rules before and after one network's CreateNetwork; writes the listings and the change. */
    private void captureNetwork() throws Exception {
        Map<String, RuleSnapshot> base = snapshots("base");
        String network = newId('c');
        call(null, CREATE_NETWORK, createNetwork(network));
        Map<String, RuleSnapshot> with = snapshots(null);
        call(null, DELETE_NETWORK, "{\"NetworkID\":\"" + network + "\"}");
        writeChange("network", base, with);
    }

    /** Lists the rules before and after one container's ProgramExternalConnectivity; writes the change. */
    private void capturePorts(String network, int ports) throws Exception {
        String endpoint = newId('e');
        call(null, "CreateEndpoint", createEndpoint(network, endpoint, ports));
        call(null, "Join", join(network, endpoint));
        Map<String, RuleSnapshot> before = snapshots(null);
        call(null, "ProgramExternalConnectivity", program(network, endpoint, ports));
        Map<String, RuleSnapshot> after = snapshots(null);
        call(null, "RevokeExternalConnectivity", ids(network, endpoint));
        call(null, "Leave", ids(network, endpoint));
        call(null, "DeleteEndpoint", ids(network, endpoint));
        writeChange("ports" + ports, before, after);
    }

    private void networkCycle(boolean measured) throws IOException {
        String network = newId('a');
        call(measured ? CREATE_NETWORK : null, CREATE_NETWORK, createNetwork(network));
        call(measured ? DELETE_NETWORK : null, DELETE_NETWORK, "{\"NetworkID\":\"" + network + "\"}");
    }

    /** One container's calls, from {@code docker run --rm -p ...} to its exit. */
    private void container(String network, int ports, boolean measured) throws IOException {
        String endpoint = newId('e');
        String suffix = ports == 1 ? " (1 port)" : " (" + ports + " ports)";
        String[] calls = {"CreateEndpoint", "Join", "ProgramExternalConnectivity", "RevokeExternalConnectivity",
            "Leave", "DeleteEndpoint"};
        String[] bodies = {createEndpoint(network, endpoint, ports), join(network, endpoint),
            program(network, endpoint, ports), ids(network, endpoint), ids(network, endpoint), ids(network, endpoint)};
        for (int c = 0; c < calls.length; c++) {
            String label = calls[c].endsWith("ExternalConnectivity") ? calls[c] + suffix : calls[c];
            call(measured ? label : null, calls[c], bodies[c]);
        }
    }

    /** Sends one call; keeps its time under {@code label} unless that is null. */
    private void call(@Nullable String label, String method, String body) throws IOException {
        long start = System.nanoTime();
        UnixHttpClient.Reply reply = client.post("/NetworkDriver." + method, body);
        long took = System.nanoTime() - start;
        if (reply.status() != 200) {
            throw new IllegalStateException(method + " failed: " + reply.status() + " " + reply.body());
        }
        if (label != null) {
            nanos.computeIfAbsent(label, l -> new ArrayList<>()).add(took);
        }
    }

    /** Lists both families; writes each listing as {@code NAME.FAMILY} unless {@code name} is null. */
    private Map<String, RuleSnapshot> snapshots(@Nullable String name) throws Exception {
        Map<String, RuleSnapshot> snapshots = new LinkedHashMap<>();
        for (String family : FAMILIES) {
            RuleSnapshot snapshot = RuleSnapshot.of(daemonPid, family + "-save");
            snapshots.put(family, snapshot);
            if (name != null) {
                Files.writeString(out.resolve(name + "." + family), snapshot.text());
            }
        }
        return snapshots;
    }

    private void writeChange(String name, Map<String, RuleSnapshot> before, Map<String, RuleSnapshot> after)
            throws IOException {
        StringJoiner counts = new StringJoiner(", ");
        for (String family : FAMILIES) {
            String add = after.get(family).additionsSince(before.get(family));
            if (!add.isEmpty()) {
                Files.writeString(out.resolve(name + "-add." + family), add);
                Files.writeString(out.resolve(name + "-del." + family),
                        after.get(family).deletionsBackTo(before.get(family)));
            }
            counts.add(after.get(family).rulesAddedSince(before.get(family)) + " " + family);
        }
        System.out.println("rules added by " + name + ": " + counts);
    }

    private String newId(char fill) {
        return String.format(Locale.ROOT, "%08x", ids++) + String.valueOf(fill).repeat(56);
    }

    /** As {@code docker network create -d mdnp --subnet 10.231.200.0/24} sends it (Docker's default IPAM). */
    private static String createNetwork(String network) {
        return "{\"NetworkID\":\"" + network + "\",\"Options\":{\"com.docker.network.enable_ipv6\":false,"
                + "\"com.docker.network.generic\":{}},\"IPv4Data\":[{\"AddressSpace\":\"LocalDefault\","
                + "\"Gateway\":\"10.231.200.1/24\",\"Pool\":\"" + SUBNET + "\"}],\"IPv6Data\":[]}";
    }

    private static String createEndpoint(String network, String endpoint, int ports) {
        return ids(network, endpoint).replace("}", ",\"Interface\":{\"Address\":\"10.231.200.2/24\","
                + "\"AddressIPv6\":\"\",\"MacAddress\":\"02:42:0a:e7:c8:02\"},\"Options\":" + portOptions(ports) + "}");
    }

    private static String join(String network, String endpoint) {
        return ids(network, endpoint).replace("}", ",\"SandboxKey\":\"/var/run/docker/netns/bench\",\"Options\":{}}");
    }

    private static String program(String network, String endpoint, int ports) {
        return ids(network, endpoint).replace("}", ",\"Options\":" + portOptions(ports) + "}");
    }

    private static String ids(String network, String endpoint) {
        return "{\"NetworkID\":\"" + network + "\",\"EndpointID\":\"" + endpoint + "\"}";
    }

    /** The options of {@code -p 80} (one port) or {@code -p 80-89} (ten): tcp, every host address, HostPort 0. */
    private static String portOptions(int ports) {
        StringJoiner exposed = new StringJoiner(",", "[", "]");
        StringJoiner map = new StringJoiner(",", "[", "]");
        for (int p = 80; p < 80 + ports; p++) {
            exposed.add("{\"Proto\":6,\"Port\":" + p + "}");
            map.add("{\"Proto\":6,\"IP\":\"\",\"Port\":" + p + ",\"HostIP\":\"\",\"HostPort\":0,\"HostPortEnd\":0}");
        }
        return "{\"com.docker.network.endpoint.exposedports\":" + exposed
                + ",\"com.docker.network.portmap\":" + map + "}";
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1e6;
    }
}
