package dev.mdnp.daemon.fuzz;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Everything a failed call must leave as it was, as lines of text: the store's rows, the {@code /v1} views
 * (networks, endpoints, pools, and the IPAM's addresses behind the pools' counts) and the kernel (links, addresses,
 * sockets); the firewall is listed apart (see {@link FirewallDump}), because listing it costs two processes.
 *
 * <p>The views are kept as the records the inspect API encodes ({@code NetworkView}, {@code EndpointView}, …) and
 * compared with {@code equals}; they become text only for a report.
 *
 * @param store the rows of {@code state.db}
 * @param views the views' records
 * @param kernel the kernel's links, addresses and sockets
 */
record SystemState(List<String> store, List<Object> views, List<String> kernel) {

    private static final int MAX_DIFF_LINES = 12;
    private static final int MAX_LINE = 300;

    SystemState {
        store = List.copyOf(store);
        views = List.copyOf(views);
        kernel = List.copyOf(kernel);
    }

    /**
     * Returns this state as a rebuild can reproduce it: sorted, without times (a network created again has a new
     * creation time) and without what the kernel gives a link created again: its index, MAC (random for a bridge
     * and the host's veth end), counters and operational state.
     */
    SystemState rebuildable() {
        return new SystemState(StoreReader.withoutTimes(store),
                viewLines().stream().map(SystemState::withoutRebuildNoise).sorted().<Object>map(line -> line).toList(),
                kernel.stream().map(SystemState::withoutRebuildNoise).sorted().toList());
    }

    /** Returns what differs between {@code before} and this state, section by section; "" when nothing does. */
    String changesSince(SystemState before) {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("store", diff(before.store, store));
        sections.put("views", diff(before.viewLines(), viewLines()));
        sections.put("kernel", diff(before.kernel, kernel));
        StringBuilder text = new StringBuilder();
        sections.forEach((name, diff) -> {
            if (!diff.isEmpty()) {
                text.append(name).append(":\n").append(diff);
            }
        });
        return text.toString();
    }

    /** Returns the views as text, one line per record. */
    List<String> viewLines() {
        return views.stream().map(String::valueOf).toList();
    }

    /** Returns the lines of {@code after} not in {@code before} ("+") and those gone ("-"); "" when equal. */
    static String diff(List<String> before, List<String> after) {
        if (before.equals(after)) {
            return "";
        }
        Set<String> old = new HashSet<>(before);
        Set<String> now = new HashSet<>(after);
        List<String> lines = new ArrayList<>();
        before.stream().filter(line -> !now.contains(line)).forEach(line -> lines.add("  - " + cut(line)));
        after.stream().filter(line -> !old.contains(line)).forEach(line -> lines.add("  + " + cut(line)));
        if (lines.isEmpty()) {
            lines.add("  (same lines, another order)");
        }
        return Stream.concat(lines.stream().limit(MAX_DIFF_LINES),
                        lines.size() > MAX_DIFF_LINES
                                ? Stream.of("  … " + (lines.size() - MAX_DIFF_LINES) + " more") : Stream.empty())
                .reduce(new StringBuilder(), (text, line) -> text.append(line).append('\n'), StringBuilder::append)
                .toString();
    }

    private static String withoutRebuildNoise(String line) {
        return line.replaceAll("createdAt=[^,\\]]+", "createdAt=*")
                .replaceAll("index=\\d+", "index=*")
                .replaceAll("rxBytes=\\d+, txBytes=\\d+", "rxBytes=*, txBytes=*")
                .replaceAll("operState=[A-Z_]+", "operState=*")
                .replaceAll("mac=[0-9a-f:]+", "mac=*");
    }

    private static String cut(String line) {
        return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE) + "… (" + line.length() + " chars)";
    }
}
