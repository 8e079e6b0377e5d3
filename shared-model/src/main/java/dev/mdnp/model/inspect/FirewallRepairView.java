package dev.mdnp.model.inspect;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * One repair of mdnp's firewall rules after something else changed them (drift: {@code iptables -F}, a firewall
 * manager's reload, a script), as {@code /v1/firewall/repairs} and the event stream show it.
 *
 * @param at when the daemon put the rules back
 * @param baseRepaired whether mdnp's own chains or the jumps into them were missing or misplaced
 * @param repairedBridges the networks, by bridge, whose missing rules were put back
 * @param removedBridges bridges of networks mdnp no longer holds whose left-over rules were deleted
 */
public record FirewallRepairView(Instant at, boolean baseRepaired, List<String> repairedBridges,
        List<String> removedBridges) {

    /** Validates the components and copies the lists; a null list from JSON becomes empty. */
    public FirewallRepairView {
        requireNonNull(at, "at");
        repairedBridges = repairedBridges == null ? List.of() : List.copyOf(repairedBridges);
        removedBridges = removedBridges == null ? List.of() : List.copyOf(removedBridges);
    }

    /** Returns what was repaired in a few words, such as {@code base, mdnpb1a2b3c4d5e6}. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        if (baseRepaired) {
            text.append("mdnp's chains and jumps");
        }
        for (String bridge : repairedBridges) {
            text.append(text.isEmpty() ? "" : ", ").append(bridge);
        }
        if (!removedBridges.isEmpty()) {
            text.append(text.isEmpty() ? "" : "; ").append("left-overs of ").append(String.join(", ", removedBridges))
                    .append(" removed");
        }
        return text.toString();
    }
}
