package dev.mdnp.daemon.dataplane.firewall;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Rules mdnp wants that the kernel's tables do not hold, for one owner: a network's bridge, or {@code ""} for mdnp's
 * chains and the jumps into them.
 *
 * @param bridge the network's bridge, or "" for the base
 * @param rules the missing rules, as {@code -t TABLE -A CHAIN ...}
 */
public record MissingRules(String bridge, List<String> rules) {

    /** Copies the list and rejects nulls. */
    public MissingRules {
        requireNonNull(bridge, "bridge");
        rules = List.copyOf(rules);
    }
}
