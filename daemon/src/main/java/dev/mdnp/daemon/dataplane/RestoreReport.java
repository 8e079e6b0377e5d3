package dev.mdnp.daemon.dataplane;

import java.util.List;

/**
 * What a start-up restore changed in the kernel, for the log and for tests.
 *
 * @param rebuiltBridges bridges that were missing and were built again
 * @param repairedBridges bridges that were present but lacked an address, their up state or their rules
 * @param rebuiltEndpoints veth pairs of endpoints no container held that were missing and were built again
 * @param reattachedPorts host veth ends attached to their bridge again, or set up again
 * @param lostEndpoints host veth ends of joined endpoints that are gone with their container; left to Docker's
 *     delete or to the orphan collector
 * @param deletedLinks links with mdnp's prefix that no known network or endpoint owns, deleted
 * @param deletedRules bridges no known network owns whose left-over firewall rules were deleted
 * @param adoptedLinks links the state names that no daemon had marked (a release without device groups made them),
 *     now in this daemon's group
 */
public record RestoreReport(
        List<String> rebuiltBridges,
        List<String> repairedBridges,
        List<String> rebuiltEndpoints,
        List<String> reattachedPorts,
        List<String> lostEndpoints,
        List<String> deletedLinks,
        List<String> deletedRules,
        List<String> adoptedLinks) {

    /** Copies the lists. */
    public RestoreReport {
        rebuiltBridges = List.copyOf(rebuiltBridges);
        repairedBridges = List.copyOf(repairedBridges);
        rebuiltEndpoints = List.copyOf(rebuiltEndpoints);
        reattachedPorts = List.copyOf(reattachedPorts);
        lostEndpoints = List.copyOf(lostEndpoints);
        deletedLinks = List.copyOf(deletedLinks);
        deletedRules = List.copyOf(deletedRules);
        adoptedLinks = List.copyOf(adoptedLinks);
    }

    /** Returns true when the kernel already matched and nothing was changed. */
    public boolean unchanged() {
        return rebuiltBridges.isEmpty() && repairedBridges.isEmpty() && rebuiltEndpoints.isEmpty()
                && reattachedPorts.isEmpty() && deletedLinks.isEmpty() && deletedRules.isEmpty()
                && adoptedLinks.isEmpty();
    }
}
