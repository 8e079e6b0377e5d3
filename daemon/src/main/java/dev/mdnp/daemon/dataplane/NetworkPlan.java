package dev.mdnp.daemon.dataplane;

import dev.mdnp.daemon.dataplane.firewall.Firewall;
import dev.mdnp.daemon.dataplane.firewall.NetworkRules;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps that build a network in the kernel, in order: bridge, gateway addresses, up, forwarding rules; and the
 * steps whose undo tears it down: the rules, then the bridge (which takes its addresses and ports with it).
 */
final class NetworkPlan {

    private final CreateBridgeStep bridge;
    private final List<Step> addresses = new ArrayList<>();
    private final LinkUpStep up;
    private final FirewallStep rules;

    NetworkPlan(BridgeSpec spec, Firewall firewall) {
        bridge = new CreateBridgeStep(spec.bridge(), spec.mtu());
        for (IpPrefix gateway : spec.gateways()) {
            addresses.add(new AddAddressStep(spec.bridge(), gateway));
        }
        up = new LinkUpStep(spec.bridge());
        rules = new FirewallStep(firewall, new NetworkRules(spec.bridge(), spec.ipv6()));
    }

    List<Step> build() {
        List<Step> steps = new ArrayList<>();
        steps.add(bridge);
        steps.addAll(addresses);
        steps.add(up);
        steps.add(rules);
        return steps;
    }

    List<Step> teardown() {
        return List.of(rules, bridge);
    }
}
