package dev.mdnp.daemon.dataplane.firewall;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One family's tables as {@code iptables-save} printed them: the chains of each table and the rules of each chain in
 * order. Immutable.
 */
final class Ruleset {

    private final Map<String, Set<String>> chains;
    private final Map<String, Map<String, List<RuleLine>>> rules;

    private Ruleset(Map<String, Set<String>> chains, Map<String, Map<String, List<RuleLine>>> rules) {
        this.chains = chains;
        this.rules = rules;
    }

    /** Returns a ruleset with no tables, as a family that cannot be read looks. */
    static Ruleset empty() {
        return new Ruleset(Map.of(), Map.of());
    }

    /** Parses the output of {@code iptables-save}; comments, policies' counters and COMMIT lines are skipped. */
    static Ruleset parse(String saved) {
        Map<String, Set<String>> chains = new LinkedHashMap<>();
        Map<String, Map<String, List<RuleLine>>> rules = new LinkedHashMap<>();
        String table = "";
        for (String line : saved.lines().toList()) {
            if (line.startsWith("*")) {
                table = line.substring(1).strip();
                chains.putIfAbsent(table, new LinkedHashSet<>());
                rules.putIfAbsent(table, new LinkedHashMap<>());
            } else if (line.startsWith(":") && !table.isEmpty()) {
                String chain = line.substring(1).split(" ", 2)[0];
                chains.get(table).add(chain);
            } else if (!table.isEmpty()) {
                String current = table;
                RuleLine.parse(current, line).ifPresent(rule -> rules.get(current)
                        .computeIfAbsent(rule.chain(), c -> new ArrayList<>()).add(rule));
            }
        }
        chains.replaceAll((t, names) -> Collections.unmodifiableSet(names));
        rules.replaceAll((t, byChain) -> {
            byChain.replaceAll((c, list) -> List.copyOf(list));
            return Collections.unmodifiableMap(byChain);
        });
        return new Ruleset(Collections.unmodifiableMap(chains), Collections.unmodifiableMap(rules));
    }

    /** Returns true when {@code table} has a chain named {@code chain}. */
    boolean hasChain(String table, String chain) {
        return chains.getOrDefault(table, Set.of()).contains(chain);
    }

    /** Returns the chains of {@code table}, built-in ones included. */
    Set<String> chains(String table) {
        return chains.getOrDefault(table, Set.of());
    }

    /** Returns the rules of one chain in order; empty when the chain or the table is missing. */
    List<RuleLine> rules(String table, String chain) {
        return rules.getOrDefault(table, Map.of()).getOrDefault(chain, List.of());
    }

    /** Returns every rule of every table, table by table, chain by chain. */
    List<RuleLine> allRules() {
        List<RuleLine> all = new ArrayList<>();
        rules.values().forEach(byChain -> byChain.values().forEach(all::addAll));
        return all;
    }
}
