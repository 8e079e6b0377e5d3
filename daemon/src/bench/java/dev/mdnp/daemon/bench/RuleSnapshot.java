package dev.mdnp.daemon.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One family's rules as {@code iptables-save} (or {@code ip6tables-save}) listed them: per table, its chains and its
 * rules in order. {@code ProgramBenchmark} lists the daemon's namespace before and after a call and turns the
 * difference into the {@code iptables-restore} input that adds (or deletes) exactly what the call added, which
 * {@code scripts/bench program} then replays without mdnp as the floor.
 *
 * @param text the listing as the tool printed it
 * @param chains the chains of each table, in the listing's order
 * @param rules the {@code -A} lines of each table, in the listing's order
 */
record RuleSnapshot(String text, Map<String, Set<String>> chains, Map<String, List<String>> rules) {

    /** Lists the rules of the network namespace of process {@code pid} with {@code tool} (iptables-save, ...). */
    static RuleSnapshot of(long pid, String tool) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("nsenter", "-t", Long.toString(pid), "-n", tool)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("nsenter -t " + pid + " -n " + tool + " exited " + process.exitValue());
        }
        return parse(text);
    }

    /** Parses a listing; comments and {@code COMMIT} lines are skipped. */
    static RuleSnapshot parse(String text) {
        Map<String, Set<String>> chains = new LinkedHashMap<>();
        Map<String, List<String>> rules = new LinkedHashMap<>();
        String table = "";
        for (String line : text.split("\n")) {
            if (line.startsWith("*")) {
                table = line.substring(1).strip();
                chains.put(table, new LinkedHashSet<>());
                rules.put(table, new ArrayList<>());
            } else if (line.startsWith(":")) {
                chains.get(table).add(line.substring(1).split(" ", 2)[0]);
            } else if (line.startsWith("-A ")) {
                rules.get(table).add(line.substring(3));
            }
        }
        return new RuleSnapshot(text, chains, rules);
    }

    /**
     * Returns the restore input that adds what this listing has beyond {@code before}: per table, its new chains
     * and its new rules (appended in this listing's order); empty when nothing was added.
     */
    String additionsSince(RuleSnapshot before) {
        StringBuilder script = new StringBuilder();
        for (String table : rules.keySet()) {
            List<String> added = added(before, table);
            List<String> newChains = newChains(before, table);
            if (added.isEmpty() && newChains.isEmpty()) {
                continue;
            }
            script.append('*').append(table).append('\n');
            newChains.forEach(chain -> script.append(':').append(chain).append(" - [0:0]\n"));
            added.forEach(rule -> script.append("-A ").append(rule).append('\n'));
            script.append("COMMIT\n");
        }
        return script.toString();
    }

    /**
     * Returns the restore input that takes this listing back to {@code before}: per table, the new rules deleted,
     * then the new chains removed; empty when nothing was added.
     */
    String deletionsBackTo(RuleSnapshot before) {
        StringBuilder script = new StringBuilder();
        for (String table : rules.keySet()) {
            List<String> added = added(before, table);
            List<String> newChains = newChains(before, table);
            if (added.isEmpty() && newChains.isEmpty()) {
                continue;
            }
            script.append('*').append(table).append('\n');
            added.forEach(rule -> script.append("-D ").append(rule).append('\n'));
            newChains.forEach(chain -> script.append("-X ").append(chain).append('\n'));
            script.append("COMMIT\n");
        }
        return script.toString();
    }

    /** Returns the number of rules this listing has beyond {@code before}. */
    int rulesAddedSince(RuleSnapshot before) {
        return rules.keySet().stream().mapToInt(table -> added(before, table).size()).sum();
    }

    /** The rules of {@code table} here and not in {@code before}, counted as a multiset, in this listing's order. */
    private List<String> added(RuleSnapshot before, String table) {
        Map<String, Integer> old = new HashMap<>();
        before.rules().getOrDefault(table, List.of()).forEach(rule -> old.merge(rule, 1, Integer::sum));
        List<String> added = new ArrayList<>();
        for (String rule : rules.get(table)) {
            if (old.getOrDefault(rule, 0) > 0) {
                old.merge(rule, -1, Integer::sum);
            } else {
                added.add(rule);
            }
        }
        return added;
    }

    private List<String> newChains(RuleSnapshot before, String table) {
        Set<String> old = before.chains().getOrDefault(table, Set.of());
        return chains.get(table).stream().filter(chain -> !old.contains(chain)).toList();
    }
}
