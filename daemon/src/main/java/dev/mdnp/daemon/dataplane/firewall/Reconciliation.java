package dev.mdnp.daemon.dataplane.firewall;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Works out how to bring one family's tables from what they hold to what mdnp wants: the chains to create, the rules
 * to add (at their placement), the rules of mdnp's to delete (unwanted, duplicated or misplaced) and mdnp's chains
 * to remove (left by an earlier release). Deletes only rules in {@code scope}, which must hold nothing but mdnp's
 * ({@link RuleTable#isOwn}). Pure.
 *
 * @param script the restore script that makes the change; empty when the tables already hold what is wanted
 * @param added the wanted rules that were missing, in the order the script adds them
 * @param deleted mdnp's rules that the script deletes
 * @param chainsChanged whether the script creates or removes one of mdnp's chains
 */
record Reconciliation(RestoreScript script, List<RuleLine> added, List<RuleLine> deleted, boolean chainsChanged) {

    /**
     * Plans the change from {@code present} to the {@code wanted} rules in mdnp's {@code chains}.
     *
     * @param scope the rules the plan may delete when they are not wanted
     * @param removeStrayChains whether chains with mdnp's prefix that are not in {@code chains} are removed
     */
    static Reconciliation plan(Ruleset present, List<RuleTable.ChainName> chains, List<RuleLine> wanted,
            Predicate<RuleLine> scope, boolean removeStrayChains) {
        RestoreScript script = new RestoreScript();
        Set<RuleTable.ChainName> doomed = new HashSet<>();
        boolean chainsChanged = false;
        for (RuleTable.ChainName chain : chains) {
            if (!present.hasChain(chain.table(), chain.name())) {
                script.declare(chain.table(), chain.name());
                chainsChanged = true;
            }
        }
        for (String table : removeStrayChains ? List.of(RuleTable.RAW, RuleTable.NAT, RuleTable.FILTER)
                : List.<String>of()) {
            for (String name : present.chains(table)) {
                RuleTable.ChainName chain = new RuleTable.ChainName(table, name);
                if (name.startsWith(RuleTable.CHAIN_PREFIX) && !chains.contains(chain)) {
                    doomed.add(chain);
                    script.declare(table, name).removeChain(table, name);
                    chainsChanged = true;
                }
            }
        }
        Map<List<String>, Integer> stillWanted = new HashMap<>();
        Map<List<String>, RuleLine> wantedByKey = new LinkedHashMap<>();
        for (RuleLine rule : wanted) {
            stillWanted.merge(rule.key(), 1, Integer::sum);
            wantedByKey.putIfAbsent(rule.key(), rule);
        }
        // "-D CHAIN SPEC" deletes the first equal rule: a placed rule with duplicates is deleted everywhere and put
        // back, or deleting a duplicate would delete the well-placed one and leave a misplaced one
        Map<List<String>, Integer> occurrences = new HashMap<>();
        present.allRules().forEach(rule -> occurrences.merge(rule.key(), 1, Integer::sum));
        List<RuleLine> deleted = new ArrayList<>();
        Map<RuleTable.ChainName, List<RuleLine>> remaining = new HashMap<>();
        for (RuleLine rule : present.allRules()) {
            RuleTable.ChainName chain = new RuleTable.ChainName(rule.table(), rule.chain());
            if (doomed.contains(chain)) {
                continue;
            }
            List<RuleLine> kept = remaining.computeIfAbsent(chain, c -> new ArrayList<>());
            Integer count = stillWanted.get(rule.key());
            boolean keep = count != null && count > 0 && wellPlaced(wantedByKey.get(rule.key()), kept)
                    && (wantedByKey.get(rule.key()).placement() == RuleLine.Placement.APPEND
                    || occurrences.get(rule.key()) == 1);
            if (keep) {
                stillWanted.put(rule.key(), count - 1);
                kept.add(rule);
            } else if (scope.test(rule)) {
                deleted.add(rule);
                script.delete(rule);
            } else {
                kept.add(rule);
            }
        }
        List<RuleLine> added = new ArrayList<>();
        for (RuleLine rule : wanted) {
            Integer count = stillWanted.get(rule.key());
            if (count == null || count == 0) {
                continue;
            }
            stillWanted.put(rule.key(), count - 1);
            added.add(rule);
            add(script, rule, remaining.getOrDefault(new RuleTable.ChainName(rule.table(), rule.chain()), List.of()));
        }
        return new Reconciliation(script, List.copyOf(added), List.copyOf(deleted), chainsChanged);
    }

    /** Adds {@code rule} to the script at its placement, given the rules its chain keeps before it. */
    static void add(RestoreScript script, RuleLine rule, List<RuleLine> chainRules) {
        switch (rule.placement()) {
            case FIRST -> script.insert(rule, 1);
            case BEFORE_RETURN -> {
                int ret = firstReturn(chainRules);
                if (ret < 0) {
                    script.append(rule);
                } else {
                    script.insert(rule, ret + 1);
                }
            }
            default -> script.append(rule);
        }
    }

    /** Returns true when a wanted rule found after the chain's {@code kept} rules sits where its placement wants it. */
    private static boolean wellPlaced(RuleLine wanted, List<RuleLine> kept) {
        return switch (wanted.placement()) {
            case FIRST -> kept.isEmpty();
            case BEFORE_RETURN -> firstReturn(kept) < 0;
            default -> true;
        };
    }

    private static int firstReturn(List<RuleLine> rules) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).spec().equals(List.of("-j", "RETURN"))) {
                return i;
            }
        }
        return -1;
    }
}
