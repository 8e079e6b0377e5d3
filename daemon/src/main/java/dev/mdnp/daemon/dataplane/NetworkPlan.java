package dev.mdnp.daemon.dataplane;

import dev.mdnp.daemon.dataplane.firewall.Firewall;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps that build a network in the kernel, in order: bridge, gateway addresses, up, br_netfilter (without ICC),
 * route_localnet (when published IPv4 ports are DNATed), forwarding (when traffic leaves the host), the firewall's
 * rules; and the steps
 * whose undo tears it down: the rules, then the bridge (which takes its addresses, ports and settings with it).
 */
final class NetworkPlan {

    private final BridgeSpec spec;
    private final Firewall firewall;
    private final Ownership ownership;

    NetworkPlan(BridgeSpec spec, Firewall firewall, Ownership ownership) {
        this.spec = spec;
        this.firewall = firewall;
        this.ownership = ownership;
    }

    List<Step> build() {
        List<Step> steps = new ArrayList<>();
        steps.add(new CreateBridgeStep(spec.bridge(), spec.mtu(), ownership));
        for (IpPrefix gateway : spec.gateways()) {
            steps.add(new AddAddressStep(spec.bridge(), gateway));
        }
        steps.add(new LinkUpStep(spec.bridge()));
        steps.addAll(settings());
        steps.add(rules());
        return steps;
    }

    List<Step> teardown() {
        return List.of(rules(), new CreateBridgeStep(spec.bridge(), spec.mtu(), ownership));
    }

    /**
     * Returns the kernel settings the network needs besides its link: route_localnet, forwarding, and br_netfilter
     * for a network without ICC.
     */
    List<Step> settings() {
        List<Step> steps = new ArrayList<>();
        if (!spec.traffic().icc()) {
            steps.add(new BridgeNetfilterStep(spec.ipv6()));
        }
        if (spec.natsIpv4()) {
            steps.add(new RouteLocalnetStep(spec.bridge()));
        }
        if (spec.forwards() && spec.subnets().stream().anyMatch(IpPrefix::isIpv4)) {
            steps.add(new ForwardingStep(false));
        }
        if (spec.forwards() && spec.ipv6()) {
            steps.add(new ForwardingStep(true));
        }
        return steps;
    }

    /** Returns the step that adds the network's firewall rules; its undo deletes them. */
    FirewallStep rules() {
        return new FirewallStep(firewall, spec.rules());
    }
}
