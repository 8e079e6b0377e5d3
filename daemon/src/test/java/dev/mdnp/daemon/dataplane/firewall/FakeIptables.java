package dev.mdnp.daemon.dataplane.firewall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An in-memory iptables and ip6tables with only the filter table: answers the commands the firewall runs with the exit
 * statuses and {@code -S} listing of iptables-nft 1.8, which the kernel tests hold it to through shared goldens.
 * Not thread-safe.
 */
final class FakeIptables implements CommandRunner {

    private static final List<String> BUILTIN = List.of("INPUT", "FORWARD", "OUTPUT");
    private static final Set<String> TARGETS = Set.of("ACCEPT", "DROP", "RETURN", "REJECT");

    private final Set<IpFamily> installed;
    private final Set<IpFamily> broken;
    private final Map<IpFamily, Map<String, List<List<String>>>> tables = new LinkedHashMap<>();

    /** Creates both tools, working, with empty tables. */
    FakeIptables() {
        this(EnumSet.allOf(IpFamily.class), EnumSet.noneOf(IpFamily.class));
    }

    /**
     * Creates the tools of {@code installed}; those also in {@code broken} fail every command, as ip6tables does on a
     * kernel without IPv6.
     */
    FakeIptables(Set<IpFamily> installed, Set<IpFamily> broken) {
        this.installed = Set.copyOf(installed);
        this.broken = Set.copyOf(broken);
        for (IpFamily family : IpFamily.values()) {
            Map<String, List<List<String>>> chains = new LinkedHashMap<>();
            BUILTIN.forEach(chain -> chains.put(chain, new ArrayList<>()));
            tables.put(family, chains);
        }
    }

    @Override
    public boolean isInstalled(String program) {
        return installed.stream().anyMatch(family -> family.tool().equals(program));
    }

    @Override
    public CommandResult run(List<String> command) {
        IpFamily family = familyOf(command.get(0));
        if (!installed.contains(family)) {
            throw new FirewallException(FirewallException.Reason.UNAVAILABLE, "cannot run " + command.get(0), command,
                    "");
        }
        if (!command.subList(1, 5).equals(List.of("-w", IptablesFirewall.LOCK_WAIT_SECONDS, "-t", "filter"))) {
            throw new IllegalArgumentException("fake iptables knows only -w 5 -t filter: " + command);
        }
        if (broken.contains(family)) {
            return result(command, 3, "", family.tool() + " v1.8.9 (nf_tables): can't initialize " + family.tool()
                    + " table `filter': Address family not supported by protocol\n");
        }
        return apply(tables.get(family), command, command.subList(5, command.size()));
    }

    private CommandResult apply(Map<String, List<List<String>>> chains, List<String> command, List<String> args) {
        String verb = args.get(0);
        if (verb.equals("-S")) {
            return result(command, 0, list(chains), "");
        }
        if (verb.equals("-n") && args.get(1).equals("-L")) {
            return chains.containsKey(args.get(2)) ? ok(command) : noChain(command);
        }
        String chain = args.get(1);
        List<String> spec = args.subList(2, args.size());
        switch (verb) {
            case "-N":
                if (chains.containsKey(chain)) {
                    return result(command, 1, "", "iptables: Chain already exists.\n");
                }
                chains.put(chain, new ArrayList<>());
                return ok(command);
            case "-X":
                if (!chains.containsKey(chain)) {
                    return noChain(command);
                }
                if (!chains.get(chain).isEmpty() || isJumpedTo(chains, chain)) {
                    return result(command, 4, "", "iptables v1.8.9 (nf_tables):  CHAIN_DEL failed (Device or resource"
                            + " busy): chain " + chain + "\n");
                }
                chains.remove(chain);
                return ok(command);
            case "-A":
            case "-C":
            case "-D":
                return applyRule(chains, command, verb, chain, spec);
            default:
                throw new IllegalArgumentException("fake iptables does not know " + command);
        }
    }

    private static CommandResult applyRule(Map<String, List<List<String>>> chains, List<String> command, String verb,
            String chain, List<String> spec) {
        int target = spec.indexOf("-j") + 1;
        if (target > 0 && !TARGETS.contains(spec.get(target)) && !chains.containsKey(spec.get(target))) {
            return result(command, 2, "", "iptables v1.8.9 (nf_tables): Chain '" + spec.get(target)
                    + "' does not exist\n");
        }
        List<List<String>> rules = chains.get(chain);
        if (verb.equals("-A")) {
            if (rules == null) {
                return noChain(command);
            }
            rules.add(List.copyOf(spec));
            return ok(command);
        }
        if (rules == null || !rules.contains(spec)) {
            return result(command, 1, "", "iptables: Bad rule (does a matching rule exist in that chain?).\n");
        }
        if (verb.equals("-D")) {
            rules.remove(spec);
        }
        return ok(command);
    }

    private static boolean isJumpedTo(Map<String, List<List<String>>> chains, String chain) {
        return chains.values().stream().flatMap(List::stream)
                .anyMatch(spec -> spec.indexOf("-j") >= 0 && spec.get(spec.indexOf("-j") + 1).equals(chain));
    }

    /** Lists the table as {@code iptables -S} does: policies, user chains, then every chain's rules. */
    private static String list(Map<String, List<List<String>>> chains) {
        StringBuilder out = new StringBuilder();
        BUILTIN.forEach(chain -> out.append("-P ").append(chain).append(" ACCEPT\n"));
        chains.keySet().stream().filter(chain -> !BUILTIN.contains(chain))
                .forEach(chain -> out.append("-N ").append(chain).append('\n'));
        chains.forEach((chain, rules) -> rules.forEach(
                spec -> out.append("-A ").append(chain).append(' ').append(render(spec)).append('\n')));
        return out.toString();
    }

    /** Joins a rule's arguments as iptables prints them: a comment always in double quotes. */
    private static String render(List<String> spec) {
        List<String> words = new ArrayList<>(spec);
        for (int i = 1; i < words.size(); i++) {
            if (words.get(i - 1).equals("--comment")) {
                words.set(i, '"' + words.get(i) + '"');
            }
        }
        return String.join(" ", words);
    }

    private static IpFamily familyOf(String tool) {
        for (IpFamily family : IpFamily.values()) {
            if (family.tool().equals(tool)) {
                return family;
            }
        }
        throw new IllegalArgumentException("fake iptables is not " + tool);
    }

    private static CommandResult ok(List<String> command) {
        return result(command, 0, "", "");
    }

    private static CommandResult noChain(List<String> command) {
        return result(command, 1, "", "iptables: No chain/target/match by that name.\n");
    }

    private static CommandResult result(List<String> command, int exitCode, String stdout, String stderr) {
        return new CommandResult(command, exitCode, stdout, stderr, Duration.ZERO);
    }
}
