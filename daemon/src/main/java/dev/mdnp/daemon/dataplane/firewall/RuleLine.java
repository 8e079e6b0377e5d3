package dev.mdnp.daemon.dataplane.firewall;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One rule of one table and chain, as its specification: the matches and the target in the order
 * {@code iptables-save} prints them ({@code -s}, {@code -d}, {@code -i}, {@code -o}, {@code -p}, then matches in the
 * order given, the comment last, then {@code -j}). Two lines are the same rule when their {@link #key() keys} are
 * equal, however each spells its addresses and quotes its comment.
 *
 * @param table the table, such as {@code filter}
 * @param chain the chain holding the rule
 * @param spec the matches and the target, such as {@code -i br0 -o br0 -j ACCEPT}
 * @param placement where the rule goes when it is added
 */
record RuleLine(String table, String chain, List<String> spec, Placement placement) {

    /** Where a rule is put in its chain. */
    enum Placement {
        /** At the end of the chain ({@code -A}). */
        APPEND,
        /** First in the chain ({@code -I CHAIN 1}), and moved there when found elsewhere. */
        FIRST,
        /** Before the chain's first unconditional {@code -j RETURN} (as in {@code DOCKER-USER}), else at its end. */
        BEFORE_RETURN
    }

    /** Copies the specification and rejects nulls. */
    RuleLine {
        requireNonNull(table, "table");
        requireNonNull(chain, "chain");
        spec = List.copyOf(spec);
        requireNonNull(placement, "placement");
    }

    /** Returns an appended rule. */
    static RuleLine append(String table, String chain, List<String> spec) {
        return new RuleLine(table, chain, spec, Placement.APPEND);
    }

    /**
     * Parses one {@code -A CHAIN ...} line of {@code iptables-save}.
     *
     * @return the rule, or empty for any other line
     */
    static Optional<RuleLine> parse(String table, String line) {
        List<String> words = Tokens.split(line);
        if (words.size() < 2 || !words.get(0).equals("-A")) {
            return Optional.empty();
        }
        return Optional.of(append(table, words.get(1), words.subList(2, words.size())));
    }

    /** Returns what identifies the rule: table, chain and the specification with its addresses in canonical form. */
    List<String> key() {
        List<String> key = new ArrayList<>(spec.size() + 2);
        key.add(table);
        key.add(chain);
        spec.forEach(word -> key.add(Addresses.canonical(word)));
        return key;
    }

    /** Returns the rule's comment, the argument of {@code --comment}, or "" when it has none. */
    String comment() {
        int at = spec.indexOf("--comment");
        return at >= 0 && at + 1 < spec.size() ? spec.get(at + 1) : "";
    }

    /** Returns the chain the rule jumps to ({@code -j}), or "" for none. */
    String target() {
        int at = spec.lastIndexOf("-j");
        return at >= 0 && at + 1 < spec.size() ? spec.get(at + 1) : "";
    }

    /** Returns the line that appends the rule, as {@code iptables-restore} reads it: {@code -A CHAIN spec}. */
    String appendLine() {
        return "-A " + chain + " " + Tokens.join(spec);
    }

    /** Returns the line that inserts the rule at {@code position} (1 is first): {@code -I CHAIN N spec}. */
    String insertLine(int position) {
        return "-I " + chain + " " + position + " " + Tokens.join(spec);
    }

    /** Returns the line that deletes the rule: {@code -D CHAIN spec}. */
    String deleteLine() {
        return "-D " + chain + " " + Tokens.join(spec);
    }

    @Override
    public String toString() {
        return "-t " + table + " " + appendLine();
    }
}
