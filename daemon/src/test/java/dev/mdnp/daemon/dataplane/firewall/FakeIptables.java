package dev.mdnp.daemon.dataplane.firewall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An in-memory iptables with both variants ({@code nft}, {@code legacy}) and both families, speaking the command lines
 * the firewall runs: {@code iptables -V}, {@code <tool>[-nft|-legacy]-save [-t TABLE]},
 * {@code <tool>[-nft|-legacy]-restore -w N --noflush} and {@code conntrack}. The restore input may hold
 * {@code *TABLE}, {@code :CHAIN POLICY [0:0]} (creates a chain or empties it), {@code -N}, {@code -A},
 * {@code -I CHAIN [N]}, {@code -D CHAIN SPEC|N}, {@code -F}, {@code -X}, {@code -P} and {@code COMMIT}.
 *
 * <p>Like iptables it refuses a rule in a missing chain, a jump to a missing chain, deleting a rule that is not there
 * and removing a chain that is in use or not empty: the command then exits 1 with iptables' message. Each table's part
 * is committed at its {@code COMMIT} or not at all, as legacy {@code iptables-restore} does, so a failure leaves the
 * tables committed before it changed. Rules compare by {@link RuleLine#key()} and are printed as they were written.
 * Not thread-safe.
 */
final class FakeIptables implements CommandRunner {

    static final String NFT = "nft";
    static final String LEGACY = "legacy";

    private static final Set<String> TARGETS = Set.of("ACCEPT", "DROP", "RETURN", "REJECT", "LOG", "MASQUERADE",
            "DNAT", "SNAT");
    private static final Map<String, List<String>> BUILT_IN = Map.of(
            "raw", List.of("PREROUTING", "OUTPUT"),
            "nat", List.of("PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"),
            "filter", List.of("INPUT", "FORWARD", "OUTPUT"));

    private final Map<String, Map<IpFamily, Tables>> variants = new LinkedHashMap<>();
    private final Set<String> installed = new HashSet<>();
    private final Set<String> brokenPrograms = new HashSet<>();
    private String version;
    private final String pathVariant;

    /** Creates an iptables whose {@code iptables} on PATH is {@code variant}, with every program installed. */
    FakeIptables(String variant) {
        for (String v : List.of(NFT, LEGACY)) {
            Map<IpFamily, Tables> families = new EnumMap<>(IpFamily.class);
            for (IpFamily family : IpFamily.values()) {
                families.put(family, new Tables());
            }
            variants.put(v, families);
        }
        for (IpFamily family : IpFamily.values()) {
            installed.add(family.tool());
            for (String suffix : List.of("", "-nft", "-legacy")) {
                installed.add(family.tool() + suffix + "-save");
                installed.add(family.tool() + suffix + "-restore");
            }
        }
        installed.add("conntrack");
        installed.add("cat");
        pathVariant = variant;
        version = "iptables v1.8.9 (" + (variant.equals(NFT) ? "nf_tables" : variant) + ")";
    }

    /** Sets what {@code iptables -V} prints, such as {@code iptables v1.6.1} for a release without variants. */
    FakeIptables version(String text) {
        this.version = text;
        return this;
    }

    /** Removes programs from PATH. */
    FakeIptables uninstall(String... programs) {
        installed.removeAll(List.of(programs));
        return this;
    }

    /** Makes a program fail as ip6tables does without IPv6 in the kernel (exit 3). */
    FakeIptables broken(String program) {
        brokenPrograms.add(program);
        return this;
    }

    /** Applies a restore script to one variant's family, as a test's setup; fails the test when iptables would. */
    FakeIptables load(String variant, IpFamily family, String script) {
        CommandResult result = restore(variants.get(variant).get(family), List.of("load"), script);
        if (!result.succeeded()) {
            throw new AssertionError("fake iptables refused the setup: " + result.stderr() + script);
        }
        return this;
    }

    /** Returns one variant's tables of one family as {@code iptables-save} prints them (without comment lines). */
    String save(String variant, IpFamily family) {
        return variants.get(variant).get(family).save(null);
    }

    /** Returns the rules of one variant's tables of one family. */
    Ruleset ruleset(String variant, IpFamily family) {
        return Ruleset.parse(save(variant, family));
    }

    @Override
    public boolean isInstalled(String program) {
        return installed.contains(program);
    }

    @Override
    public CommandResult run(List<String> command, String input) {
        String program = command.get(0);
        if (!installed.contains(program)) {
            return result(command, 127, "", program + ": not found\n");
        }
        if (brokenPrograms.contains(program)) {
            return result(command, 3, "", program + " v1.8.9: can't initialize " + program
                    + " table `filter': Address family not supported by protocol\n");
        }
        if (command.equals(List.of("cat", "/proc/net/ip_tables_names"))) {
            String loaded = variants.get(LEGACY).get(IpFamily.IPV4).save(null).lines()
                    .filter(line -> line.startsWith("*")).map(line -> line.substring(1) + "\n")
                    .collect(java.util.stream.Collectors.joining());
            return result(command, 0, loaded, "");
        }
        if (program.equals("conntrack")) {
            return result(command, 1, "", "conntrack v1.4.7 (conntrack-tools): 0 flow entries have been deleted.\n");
        }
        if (command.equals(List.of("iptables", "-V"))) {
            return result(command, 0, version + "\n", "");
        }
        Tables tables = tablesOf(program);
        if (tables == null) {
            throw new AssertionError("fake iptables cannot run " + command);
        }
        if (program.endsWith("-save")) {
            List<String> args = command.subList(1, command.size());
            String table = args.size() == 2 && args.get(0).equals("-t") ? args.get(1) : null;
            if (!args.isEmpty() && table == null) {
                throw new AssertionError("fake iptables-save takes only -t TABLE: " + command);
            }
            return result(command, 0, "# Generated by " + program + " (fake)\n" + tables.save(table), "");
        }
        if (!command.contains("--noflush")) {
            throw new AssertionError("the firewall must never restore without --noflush: " + command);
        }
        return restore(tables, command, input);
    }

    private Tables tablesOf(String program) {
        for (IpFamily family : IpFamily.values()) {
            for (String variant : List.of(NFT, LEGACY)) {
                String prefix = family.tool() + "-" + variant + "-";
                if (program.equals(prefix + "save") || program.equals(prefix + "restore")) {
                    return variants.get(variant).get(family);
                }
            }
            if (program.equals(family.tool() + "-save") || program.equals(family.tool() + "-restore")) {
                return variants.get(pathVariant).get(family);
            }
        }
        return null;
    }

    private static CommandResult restore(Tables tables, List<String> command, String input) {
        String table = null;
        Map<String, LinkedHashMap<String, List<RuleLine>>> pending = null;
        int number = 0;
        for (String line : input.lines().toList()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            try {
                if (line.startsWith("*")) {
                    table = line.substring(1).strip();
                    if (!BUILT_IN.containsKey(table)) {
                        throw new IllegalStateException("can't initialize table '" + table + "'");
                    }
                    pending = Map.of(table, tables.copy(table));
                } else if (table == null) {
                    throw new IllegalStateException("no table given");
                } else if (line.equals("COMMIT")) {
                    tables.chains.put(table, pending.get(table));
                    table = null;
                } else {
                    apply(table, pending.get(table), line);
                }
            } catch (IllegalStateException e) {
                return result(command, 1, "", command.get(0) + ": line " + number + " failed: " + e.getMessage()
                        + "\n");
            }
        }
        if (table != null) {
            return result(command, 1, "", command.get(0) + ": COMMIT expected at line " + (number + 1) + "\n");
        }
        return result(command, 0, "", "");
    }

    private static void apply(String table, LinkedHashMap<String, List<RuleLine>> chains, String line) {
        if (line.startsWith(":")) {
            String chain = line.substring(1).split(" ")[0];
            chains.computeIfAbsent(chain, c -> new ArrayList<>()).clear();
            return;
        }
        List<String> words = Tokens.split(line);
        String op = words.get(0);
        String chain = words.size() > 1 ? words.get(1) : "";
        List<String> rest = words.subList(Math.min(2, words.size()), words.size());
        switch (op) {
            case "-N" -> {
                if (chains.putIfAbsent(chain, new ArrayList<>()) != null) {
                    throw new IllegalStateException("Chain already exists");
                }
            }
            case "-P" -> requireChain(chains, chain);
            case "-F" -> requireChain(chains, chain).clear();
            case "-X" -> {
                List<RuleLine> rules = requireChain(chains, chain);
                if (BUILT_IN.get(table).contains(chain)) {
                    throw new IllegalStateException("Can't delete built-in chain " + chain);
                }
                boolean referenced = chains.values().stream().flatMap(List::stream)
                        .anyMatch(rule -> rule.target().equals(chain));
                if (!rules.isEmpty() || referenced) {
                    throw new IllegalStateException("Directory not empty (chain " + chain + " in use)");
                }
                chains.remove(chain);
            }
            case "-A" -> requireChain(chains, chain).add(rule(table, chains, chain, rest));
            case "-I" -> {
                List<RuleLine> rules = requireChain(chains, chain);
                int position = 1;
                if (!rest.isEmpty() && rest.get(0).matches("[0-9]+")) {
                    position = Integer.parseInt(rest.get(0));
                    rest = rest.subList(1, rest.size());
                }
                if (position < 1 || position > rules.size() + 1) {
                    throw new IllegalStateException("Index of insertion too big");
                }
                rules.add(position - 1, rule(table, chains, chain, rest));
            }
            case "-D" -> {
                List<RuleLine> rules = requireChain(chains, chain);
                if (rest.size() == 1 && rest.get(0).matches("[0-9]+")) {
                    int position = Integer.parseInt(rest.get(0));
                    if (position < 1 || position > rules.size()) {
                        throw new IllegalStateException("Index of deletion too big");
                    }
                    rules.remove(position - 1);
                    return;
                }
                List<String> key = RuleLine.append(table, chain, rest).key();
                int at = -1;
                for (int i = 0; i < rules.size() && at < 0; i++) {
                    at = rules.get(i).key().equals(key) ? i : -1;
                }
                if (at < 0) {
                    throw new IllegalStateException("Bad rule (does a matching rule exist in that chain?)");
                }
                rules.remove(at);
            }
            default -> throw new IllegalStateException("unknown command " + op);
        }
    }

    private static List<RuleLine> requireChain(Map<String, List<RuleLine>> chains, String chain) {
        List<RuleLine> rules = chains.get(chain);
        if (rules == null) {
            throw new IllegalStateException("No chain/target/match by that name (" + chain + ")");
        }
        return rules;
    }

    private static RuleLine rule(String table, Map<String, List<RuleLine>> chains, String chain, List<String> spec) {
        RuleLine rule = RuleLine.append(table, chain, spec);
        if (!rule.target().isEmpty() && !TARGETS.contains(rule.target()) && !chains.containsKey(rule.target())) {
            throw new IllegalStateException("Couldn't load target `" + rule.target() + "'");
        }
        return rule;
    }

    private static CommandResult result(List<String> command, int exit, String stdout, String stderr) {
        return new CommandResult(command, exit, stdout, stderr, Duration.ZERO);
    }

    /** One family's tables of one variant: per table, the chains in order of creation and their rules. */
    private static final class Tables {
        private final Map<String, LinkedHashMap<String, List<RuleLine>>> chains = new LinkedHashMap<>();

        Tables() {
            for (String table : List.of("raw", "nat", "filter")) {
                LinkedHashMap<String, List<RuleLine>> byChain = new LinkedHashMap<>();
                BUILT_IN.get(table).forEach(chain -> byChain.put(chain, new ArrayList<>()));
                chains.put(table, byChain);
            }
        }

        LinkedHashMap<String, List<RuleLine>> copy(String table) {
            LinkedHashMap<String, List<RuleLine>> copy = new LinkedHashMap<>();
            chains.get(table).forEach((chain, rules) -> copy.put(chain, new ArrayList<>(rules)));
            return copy;
        }

        String save(String only) {
            StringBuilder text = new StringBuilder();
            chains.forEach((table, byChain) -> {
                if (only != null && !only.equals(table)) {
                    return;
                }
                text.append('*').append(table).append('\n');
                Set<String> own = new TreeSet<>(byChain.keySet());
                own.removeAll(BUILT_IN.get(table));
                BUILT_IN.get(table).forEach(chain -> text.append(':').append(chain).append(" ACCEPT [0:0]\n"));
                own.forEach(chain -> text.append(':').append(chain).append(" - [0:0]\n"));
                byChain.values().forEach(rules -> rules.forEach(rule -> text.append(rule.appendLine()).append('\n')));
                text.append("COMMIT\n");
            });
            return text.toString();
        }
    }
}
