package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.dataplane.firewall.Firewall;
import dev.mdnp.daemon.dataplane.firewall.ListedRule;
import dev.mdnp.daemon.dataplane.firewall.NetworkRules;
import dev.mdnp.daemon.netlink.Address;
import dev.mdnp.daemon.netlink.BridgeLink;
import dev.mdnp.daemon.netlink.Link;
import dev.mdnp.daemon.netlink.NetlinkException;
import dev.mdnp.daemon.netlink.RtNetlink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the kernel back in line with the recorded state at start: builds missing bridges and the veth pairs of
 * endpoints no container holds, puts back missing gateway addresses, up states, bridge ports and forwarding rules,
 * and deletes links and rules carrying mdnp's prefix that no recorded network or endpoint owns. Never touches a link
 * without the prefix unless the state names it. A network whose bridge name another kind of link has taken is left
 * alone, with its endpoints, and logged; the rest is restored.
 */
final class KernelRestorer {

    private static final Logger log = LoggerFactory.getLogger(KernelRestorer.class);

    private final RtNetlink rtnl;
    private final StepRunner runner;
    private final Firewall firewall;
    private final EndpointBuilder endpointBuilder;

    /** Builds one endpoint's veth pair as {@link Dataplane#createEndpoint} does. */
    @FunctionalInterface
    interface EndpointBuilder {
        /** Builds the pair and attaches it. */
        void build(VethSpec spec, KernelOpListener listener);
    }

    KernelRestorer(RtNetlink rtnl, StepRunner runner, Firewall firewall, EndpointBuilder endpointBuilder) {
        this.rtnl = requireNonNull(rtnl, "rtnl");
        this.runner = requireNonNull(runner, "runner");
        this.firewall = requireNonNull(firewall, "firewall");
        this.endpointBuilder = requireNonNull(endpointBuilder, "endpointBuilder");
    }

    RestoreReport restore(List<BridgeSpec> networks, List<RestoredEndpoint> endpoints, String ownedPrefix,
            KernelOpListener listener) {
        requireNonNull(ownedPrefix, "ownedPrefix");
        if (ownedPrefix.isEmpty()) {
            throw new IllegalArgumentException("ownedPrefix must not be empty: every unknown link would be deleted");
        }
        Map<String, Link> links = byName(rtnl.links().list());
        Map<String, List<String>> rulesBefore = rulesByBridge(firewall.listRules());
        List<String> rebuiltBridges = new ArrayList<>();
        Set<String> repaired = new HashSet<>();
        Set<String> existing = new HashSet<>();
        Set<String> leftAlone = new HashSet<>();
        for (BridgeSpec spec : networks) {
            Link bridge = links.get(spec.bridge());
            if (bridge == null) {
                runner.apply(new NetworkPlan(spec, firewall).build(), listener);
                rebuiltBridges.add(spec.bridge());
            } else if (!(bridge instanceof BridgeLink)) {
                log.error("restore: {} is a {} link, not the bridge mdnp recorded; leaving it and its endpoints alone",
                        spec.bridge(), bridge.kind());
                leftAlone.add(spec.bridge());
            } else {
                existing.add(spec.bridge());
                if (repairBridge(spec, bridge, listener)) {
                    repaired.add(spec.bridge());
                }
            }
        }
        List<ListedRule> rulesAfter = firewall.listRules();
        Map<String, List<String>> rulesByBridgeAfter = rulesByBridge(rulesAfter);
        existing.stream()
                .filter(bridge -> !rulesBefore.getOrDefault(bridge, List.of())
                        .equals(rulesByBridgeAfter.getOrDefault(bridge, List.of())))
                .forEach(repaired::add); // the firewall step put back rules that were missing
        List<String> repairedBridges = networks.stream().map(BridgeSpec::bridge).filter(repaired::contains)
                .distinct().toList();
        links = byName(rtnl.links().list());
        List<String> rebuiltEndpoints = new ArrayList<>();
        List<String> reattachedPorts = new ArrayList<>();
        List<String> lostEndpoints = new ArrayList<>();
        for (RestoredEndpoint endpoint : endpoints) {
            VethSpec veth = endpoint.veth();
            Link host = links.get(veth.hostName());
            if (host == null && endpoint.joined()) {
                lostEndpoints.add(veth.hostName());
            } else if (leftAlone.contains(veth.bridge())) {
                log.error("restore: not restoring endpoint {}: its bridge {} is not a bridge", veth.hostName(),
                        veth.bridge());
            } else if (host == null) {
                endpointBuilder.build(veth, listener);
                rebuiltEndpoints.add(veth.hostName());
            } else if (reattach(veth, host, links, listener)) {
                reattachedPorts.add(veth.hostName());
            }
        }
        Set<String> known = knownNames(networks, endpoints);
        List<String> deletedLinks = deleteUnknownLinks(ownedPrefix, known);
        removeUnknownRules(networks.stream().map(BridgeSpec::bridge).collect(Collectors.toSet()), rulesAfter,
                listener);
        return new RestoreReport(rebuiltBridges, repairedBridges, rebuiltEndpoints, reattachedPorts, lostEndpoints,
                deletedLinks);
    }

    /**
     * Puts back missing gateway addresses, the up state and the rules; returns true when an address or up was
     * missing (missing rules are told apart by the caller, from the listings before and after).
     */
    private boolean repairBridge(BridgeSpec spec, Link bridge, KernelOpListener listener) {
        Set<IpPrefix> present = rtnl.addresses().list(bridge.index()).stream()
                .map(KernelRestorer::prefix)
                .collect(Collectors.toSet());
        List<Step> missing = new ArrayList<>();
        for (IpPrefix gateway : spec.gateways()) {
            if (!present.contains(gateway)) {
                missing.add(new AddAddressStep(spec.bridge(), gateway));
            }
        }
        if (!bridge.up()) {
            missing.add(new LinkUpStep(spec.bridge()));
        }
        List<Step> steps = new ArrayList<>(missing);
        steps.add(new FirewallStep(firewall, new NetworkRules(spec.bridge(), spec.ipv6())));
        runner.apply(steps, listener);
        return !missing.isEmpty();
    }

    /** Attaches a host veth end to its bridge and sets it up when it is not; returns true when it changed it. */
    private boolean reattach(VethSpec veth, Link host, Map<String, Link> links, KernelOpListener listener) {
        Optional<Link> bridge = Optional.ofNullable(links.get(veth.bridge()));
        List<Step> steps = new ArrayList<>();
        if (bridge.isEmpty() || host.masterIndex() != bridge.get().index()) {
            steps.add(new EnslavePortStep(veth.hostName(), veth.bridge()));
        }
        if (!host.up()) {
            steps.add(new LinkUpStep(veth.hostName()));
        }
        runner.apply(steps, listener);
        return !steps.isEmpty();
    }

    private static Set<String> knownNames(List<BridgeSpec> networks, List<RestoredEndpoint> endpoints) {
        Set<String> known = new HashSet<>();
        networks.forEach(spec -> known.add(spec.bridge()));
        endpoints.forEach(endpoint -> {
            known.add(endpoint.veth().hostName());
            known.add(endpoint.veth().containerName());
        });
        return known;
    }

    private List<String> deleteUnknownLinks(String ownedPrefix, Set<String> known) {
        List<String> deleted = new ArrayList<>();
        for (Link link : rtnl.links().list()) {
            if (link.name().startsWith(ownedPrefix) && !known.contains(link.name())) {
                try {
                    Gone.tolerate(() -> rtnl.links().delete(link.index()));
                    deleted.add(link.name());
                } catch (NetlinkException e) {
                    log.warn("restore: could not delete unknown link {}: {}", link.name(), e.getMessage());
                }
            }
        }
        return deleted;
    }

    /** Removes the rules of bridges no recorded network has, as a crash between rules and record leaves them. */
    private void removeUnknownRules(Set<String> knownBridges, List<ListedRule> rules, KernelOpListener listener) {
        Set<String> unknown = new LinkedHashSet<>();
        for (ListedRule rule : rules) {
            rule.bridge().filter(bridge -> rule.inOwnChain() && !knownBridges.contains(bridge)).ifPresent(unknown::add);
        }
        for (String bridge : unknown) {
            runner.undo(List.of(new FirewallStep(firewall, new NetworkRules(bridge, true))), listener);
        }
    }

    /** Groups the rules in mdnp's chain by the bridge their comment names, each family's lines in listing order. */
    private static Map<String, List<String>> rulesByBridge(List<ListedRule> rules) {
        Map<String, List<String>> byBridge = new HashMap<>();
        for (ListedRule rule : rules) {
            if (rule.inOwnChain()) {
                rule.bridge().ifPresent(bridge -> byBridge.computeIfAbsent(bridge, b -> new ArrayList<>())
                        .add(rule.family() + " " + rule.line()));
            }
        }
        return byBridge;
    }

    private static IpPrefix prefix(Address address) {
        return new IpPrefix(address.address(), address.prefixLength());
    }

    private static Map<String, Link> byName(List<Link> links) {
        return links.stream().collect(Collectors.toMap(Link::name, Function.identity(), (a, b) -> a));
    }
}
