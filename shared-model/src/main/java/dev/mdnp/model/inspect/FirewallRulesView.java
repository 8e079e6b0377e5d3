package dev.mdnp.model.inspect;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What one owner of firewall rules lacks in the kernel's tables, as {@code /v1/firewall} shows it: a network, or
 * mdnp's own chains and the jumps into them (the base, {@code bridge} {@code ""}). The daemon puts missing rules back
 * within its {@code --reconcile-interval}.
 *
 * @param networkId the network's id; {@code ""} for the base, and for a bridge that belongs to no network mdnp holds
 * @param bridge the network's bridge, whose name every rule of the network carries as its tag; {@code ""} for the base
 * @param missingRules the rules mdnp wants that the kernel lacks, each as the command that would add it, such as
 *     {@code iptables -t nat -A MDNP-POSTROUTING ...}; empty when every rule is in place
 */
public record FirewallRulesView(String networkId, String bridge, List<String> missingRules) {

    /** Validates the components and copies the list; a null list from JSON becomes empty. */
    public FirewallRulesView {
        requireNonNull(networkId, "networkId");
        requireNonNull(bridge, "bridge");
        missingRules = missingRules == null ? List.of() : List.copyOf(missingRules);
    }

    /** Returns true for mdnp's own chains and jumps rather than a network's rules. */
    public boolean base() {
        return bridge.isEmpty();
    }
}
