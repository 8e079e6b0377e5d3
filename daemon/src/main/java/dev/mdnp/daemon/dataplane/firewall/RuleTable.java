package dev.mdnp.daemon.dataplane.firewall;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * The one place that says which chains and rules mdnp owns: the base entries {@code install} creates, and the rules
 * each network gets, built from a table of condition and rule pairs (the shape of libnetwork's bridge setup queue).
 * Egress NAT, {@code --internal} and isolation add rows here, and chains to {@link #base()}.
 */
final class RuleTable {

    static final String FILTER = "filter";
    static final String FORWARD = "FORWARD";
    /** mdnp's own chain in the filter table, jumped to from {@code FORWARD}. */
    static final String CHAIN = "MDNP-FORWARD";
    /** Starts the comment that tags each of a network's rules with its bridge: {@code mdnp:BRIDGE}. */
    static final String TAG_PREFIX = "mdnp:";

    /** One row: when a rule applies, and its matches; every network rule accepts and carries the bridge's tag. */
    private record Row(BiPredicate<NetworkRules, IpFamily> applies, Function<NetworkRules, List<String>> matches) {
    }

    private static final BiPredicate<NetworkRules, IpFamily> ALWAYS = (network, family) -> true;

    /**
     * The rules of one network, in the order they are added. br_netfilter makes even traffic between two ports of the
     * same bridge pass {@code FORWARD} (with {@code -i} and {@code -o} both the bridge), so that needs a rule too.
     */
    private static final List<Row> NETWORK = List.of(
            // containers on the same network reach each other
            new Row(ALWAYS, n -> List.of("-i", n.bridge(), "-o", n.bridge())),
            // replies to connections the containers opened come back in
            new Row(ALWAYS, n -> List.of("-o", n.bridge(), "-m", "conntrack", "--ctstate", "RELATED,ESTABLISHED")),
            // containers reach beyond their bridge (egress NAT, --internal and isolation will narrow this)
            new Row(ALWAYS, n -> List.of("-i", n.bridge(), "!", "-o", n.bridge())));

    private RuleTable() {
    }

    /** Returns what {@code install} creates, in creation order: mdnp's chain, then the jump to it from FORWARD. */
    static List<IptablesEntry> base() {
        return List.of(new Chain(FILTER, CHAIN), new Rule(FILTER, FORWARD, List.of("-j", CHAIN)));
    }

    /** Returns the rules one network gets in one family, in the order they are added. */
    static List<IptablesEntry> network(NetworkRules network, IpFamily family) {
        List<IptablesEntry> rules = new ArrayList<>();
        for (Row row : NETWORK) {
            if (row.applies().test(network, family)) {
                List<String> spec = new ArrayList<>(row.matches().apply(network));
                spec.addAll(List.of("-m", "comment", "--comment", tag(network.bridge()), "-j", "ACCEPT"));
                rules.add(new Rule(FILTER, CHAIN, spec));
            }
        }
        return List.copyOf(rules);
    }

    /** Returns the comment that marks a rule as belonging to the network on {@code bridge}. */
    static String tag(String bridge) {
        return TAG_PREFIX + bridge;
    }
}
