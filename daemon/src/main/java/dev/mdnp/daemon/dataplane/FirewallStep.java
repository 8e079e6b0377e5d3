package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.dataplane.firewall.Firewall;
import dev.mdnp.daemon.dataplane.firewall.NetworkRules;
import dev.mdnp.daemon.netlink.RtNetlink;

/**
 * Adds a network's firewall rules (forwarding, NAT, isolation, ICC); undo deletes every rule of its bridge. Both are
 * idempotent, so already done and gone need no special case.
 */
final class FirewallStep implements Step {

    private final Firewall firewall;
    private final NetworkRules rules;

    FirewallStep(Firewall firewall, NetworkRules rules) {
        this.firewall = requireNonNull(firewall, "firewall");
        this.rules = requireNonNull(rules, "rules");
    }

    @Override
    public String operation() {
        return "add firewall rules";
    }

    @Override
    public String target() {
        return rules.bridge();
    }

    @Override
    public void apply(RtNetlink rtnl) {
        firewall.addNetwork(rules);
    }

    @Override
    public void undo(RtNetlink rtnl) {
        firewall.removeNetwork(rules);
    }
}
