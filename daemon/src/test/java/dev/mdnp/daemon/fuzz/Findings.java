package dev.mdnp.daemon.fuzz;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The invariant violations of a survey run ({@code -Dmdnp.fuzz.survey=true}), which goes on after a violation to
 * find them all: one entry per kind of violation (what broke, on which route, with which status), with how often it
 * happened and the first case that showed it.
 */
final class Findings {

    private final Map<String, Finding> byKind = new LinkedHashMap<>();

    /** One kind of violation. */
    private static final class Finding {
        private final String first;
        private long count;

        Finding(String first) {
            this.first = first;
        }
    }

    /** Records a violation of the given kind. */
    synchronized void add(String kind, String report) {
        byKind.computeIfAbsent(kind, k -> new Finding(report)).count++;
    }

    /** Returns true when nothing was recorded. */
    synchronized boolean isEmpty() {
        return byKind.isEmpty();
    }

    /** Returns every kind with its count and first case. */
    synchronized String report() {
        StringBuilder text = new StringBuilder(byKind.size() + " kinds of violation:\n");
        byKind.forEach((kind, finding) -> text.append("\n=== ").append(kind).append(" (").append(finding.count)
                .append("×)\n").append(finding.first).append('\n'));
        return text.toString();
    }
}
