package dev.mdnp.daemon.dataplane.firewall;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of mdnp's firewall state as {@code iptables -S} prints it: the creation of mdnp's chain, a jump to it, or a
 * rule in it. Used by reconciliation (which bridges have rules) and by the inspector.
 *
 * @param family the family whose tool printed the line
 * @param table the table, such as {@code filter}
 * @param line the line, such as {@code -A MDNP-FORWARD -i br0 -o br0 -m comment --comment "mdnp:br0" -j ACCEPT}
 */
public record ListedRule(IpFamily family, String table, String line) {

    /** The tag comment, quoted as iptables prints it, or bare. */
    private static final Pattern TAG = Pattern.compile(
            "--comment \"?" + Pattern.quote(RuleTable.TAG_PREFIX) + "([A-Za-z0-9_.-]+)\"?(?:\\s|$)");

    /** Rejects nulls. */
    public ListedRule {
        requireNonNull(family, "family");
        requireNonNull(table, "table");
        requireNonNull(line, "line");
    }

    /** Returns the chain the line creates ({@code -N}) or appends to ({@code -A}); empty for any other line. */
    public String chain() {
        String[] words = line.split(" ", 3);
        boolean names = words.length >= 2 && (words[0].equals("-N") || words[0].equals("-A"));
        return names ? words[1] : "";
    }

    /** Returns true when the line is a rule inside mdnp's own chain, as opposed to the chain or the jump to it. */
    public boolean inOwnChain() {
        return line.startsWith("-A " + RuleTable.CHAIN + " ");
    }

    /** Returns the bridge named by the rule's {@code mdnp:BRIDGE} comment, if it has one. */
    public Optional<String> bridge() {
        Matcher matcher = TAG.matcher(line);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
