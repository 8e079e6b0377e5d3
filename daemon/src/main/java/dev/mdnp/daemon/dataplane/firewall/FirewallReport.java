package dev.mdnp.daemon.dataplane.firewall;

import java.util.List;

/**
 * What a reconciliation of the firewall changed.
 *
 * @param repairedBridges the networks (by bridge) whose missing rules were put back
 * @param removedBridges the bridges no network of mdnp's has any more whose left-over rules were deleted
 * @param baseRepaired whether mdnp's chains or the jumps into them had to be put back or moved
 */
public record FirewallReport(List<String> repairedBridges, List<String> removedBridges, boolean baseRepaired) {

    /** Copies the lists. */
    public FirewallReport {
        repairedBridges = List.copyOf(repairedBridges);
        removedBridges = List.copyOf(removedBridges);
    }

    /** Returns true when the reconciliation changed nothing. */
    public boolean unchanged() {
        return repairedBridges.isEmpty() && removedBridges.isEmpty() && !baseRepaired;
    }
}
