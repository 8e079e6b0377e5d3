package dev.mdnp.daemon.dataplane.firewall;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule in a chain: appended with {@code -A}, deleted with {@code -D}, checked with {@code -C}, all three with the
 * same specification, so the delete removes exactly what the add appended.
 *
 * <p>The specification is written in the order {@code iptables -S} prints it (interfaces, then matches, then the
 * target), so a listing shows the rule exactly as it was given.
 *
 * @param table the table, such as {@code filter}
 * @param chain the chain holding the rule
 * @param spec the matches and the target, such as {@code -i br0 -o br0 -j ACCEPT}
 */
record Rule(String table, String chain, List<String> spec) implements IptablesEntry {

    Rule {
        spec = List.copyOf(spec);
    }

    @Override
    public List<String> check() {
        return command("-C");
    }

    @Override
    public List<String> add() {
        return command("-A");
    }

    @Override
    public List<String> delete() {
        return command("-D");
    }

    @Override
    public String describe() {
        return "rule " + chain + " " + CommandLines.render(spec);
    }

    private List<String> command(String verb) {
        List<String> args = new ArrayList<>(List.of("-t", table, verb, chain));
        args.addAll(spec);
        return List.copyOf(args);
    }
}
