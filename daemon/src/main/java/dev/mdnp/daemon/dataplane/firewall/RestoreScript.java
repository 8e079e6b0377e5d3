package dev.mdnp.daemon.dataplane.firewall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The input of one {@code iptables-restore --noflush}: per table, the chains to declare (which creates a missing chain
 * and empties an existing one), the rules to delete, the chains to remove, then the rules to add, in that order, so
 * that a chain exists before a rule jumps to it and nothing jumps to a chain when it is removed. The kernel commits
 * each table's part at its {@code COMMIT} as a whole. Not thread-safe; built by one caller, then rendered.
 */
final class RestoreScript {

    private final Map<String, Section> tables = new LinkedHashMap<>();

    /** Declares {@code chain}: creates it, or empties it if it exists. */
    RestoreScript declare(String table, String chain) {
        section(table).declarations.add(":" + chain + " - [0:0]");
        return this;
    }

    /** Deletes the first rule that equals {@code rule}. */
    RestoreScript delete(RuleLine rule) {
        section(rule.table()).deletions.add(rule.deleteLine());
        return this;
    }

    /** Removes an empty chain nothing jumps to. */
    RestoreScript removeChain(String table, String chain) {
        section(table).removals.add("-X " + chain);
        return this;
    }

    /** Appends {@code rule} to its chain. */
    RestoreScript append(RuleLine rule) {
        section(rule.table()).additions.add(rule.appendLine());
        return this;
    }

    /** Inserts {@code rule} at {@code position} of its chain, 1 being first. */
    RestoreScript insert(RuleLine rule, int position) {
        section(rule.table()).additions.add(rule.insertLine(position));
        return this;
    }

    /** Returns true when the script changes nothing. */
    boolean isEmpty() {
        return tables.values().stream().allMatch(Section::isEmpty);
    }

    /** Returns the script as {@code iptables-restore} reads it. */
    String render() {
        StringBuilder text = new StringBuilder();
        tables.forEach((table, section) -> {
            if (!section.isEmpty()) {
                text.append('*').append(table).append('\n');
                section.lines().forEach(line -> text.append(line).append('\n'));
                text.append("COMMIT\n");
            }
        });
        return text.toString();
    }

    @Override
    public String toString() {
        return render();
    }

    private Section section(String table) {
        return tables.computeIfAbsent(table, t -> new Section());
    }

    /** One table's lines, by kind. */
    private static final class Section {
        private final List<String> declarations = new ArrayList<>();
        private final List<String> deletions = new ArrayList<>();
        private final List<String> removals = new ArrayList<>();
        private final List<String> additions = new ArrayList<>();

        boolean isEmpty() {
            return declarations.isEmpty() && deletions.isEmpty() && removals.isEmpty() && additions.isEmpty();
        }

        List<String> lines() {
            List<String> lines = new ArrayList<>(declarations);
            lines.addAll(deletions);
            lines.addAll(removals);
            lines.addAll(additions);
            return lines;
        }
    }
}
