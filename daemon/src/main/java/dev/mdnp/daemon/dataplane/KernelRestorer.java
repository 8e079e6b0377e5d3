package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.dataplane.firewall.Firewall;
import dev.mdnp.daemon.dataplane.firewall.FirewallException;
import dev.mdnp.daemon.dataplane.firewall.FirewallReport;
import dev.mdnp.daemon.dataplane.firewall.PortRules;
import dev.mdnp.daemon.netlink.Address;
import dev.mdnp.daemon.netlink.BridgeLink;
import dev.mdnp.daemon.netlink.Link;
import dev.mdnp.daemon.netlink.NetlinkException;
import dev.mdnp.daemon.netlink.RtNetlink;
import dev.mdnp.daemon.netlink.VethLink;
import java.util.ArrayList;
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
 * endpoints no container holds, puts back missing gateway addresses, up states, bridge ports and kernel settings,
 * takes the published host ports again, makes the firewall hold exactly the recorded networks' and ports' rules, and
 * deletes the daemon's links (its device groups, {@link Ownership}) that no recorded network or endpoint names. A link
 * the state names but no daemon marked (a release without groups made it) is taken over; one in another group
 * belongs to another daemon or tool: its network (or endpoint) is left alone and logged, the rest is restored.
 */
final class KernelRestorer {

    private static final Logger log = LoggerFactory.getLogger(KernelRestorer.class);

    private final RtNetlink rtnl;
    private final StepRunner runner;
    private final Firewall firewall;
    private final PortReservations reservations;
    private final Ownership ownership;
    private final EndpointBuilder endpointBuilder;

    /** Builds one endpoint's veth pair as {@link Dataplane#createEndpoint} does. */
    @FunctionalInterface
    interface EndpointBuilder {
        /** Builds the pair and attaches it. */
        void build(VethSpec spec, KernelOpListener listener);
    }

    KernelRestorer(RtNetlink rtnl, StepRunner runner, Firewall firewall, PortReservations reservations,
            Ownership ownership, EndpointBuilder endpointBuilder) {
        this.rtnl = requireNonNull(rtnl, "rtnl");
        this.runner = requireNonNull(runner, "runner");
        this.firewall = requireNonNull(firewall, "firewall");
        this.reservations = requireNonNull(reservations, "reservations");
        this.ownership = requireNonNull(ownership, "ownership");
        this.endpointBuilder = requireNonNull(endpointBuilder, "endpointBuilder");
    }

    RestoreReport restore(List<BridgeSpec> networks, List<RestoredEndpoint> endpoints, KernelOpListener listener) {
        Map<String, Link> links = byName(rtnl.links().list());
        List<String> rebuiltBridges = new ArrayList<>();
        Set<String> repaired = new LinkedHashSet<>();
        Set<String> leftAlone = new HashSet<>();
        List<String> adopted = new ArrayList<>();
        for (BridgeSpec spec : networks) {
            Link bridge = links.get(spec.bridge());
            NetworkPlan plan = new NetworkPlan(spec, firewall, ownership);
            if (bridge == null) {
                List<Step> steps = new ArrayList<>(plan.build());
                steps.remove(steps.size() - 1); // the firewall's rules come with everyone's, below
                runner.apply(steps, listener);
                rebuiltBridges.add(spec.bridge());
            } else if (!(bridge instanceof BridgeLink)) {
                log.error("restore: {} is a {} link, not the bridge mdnp recorded; leaving it and its endpoints alone",
                        spec.bridge(), bridge.kind());
                leftAlone.add(spec.bridge());
            } else if (!ownership.owns(bridge.group()) && !adopt(bridge, true, adopted, listener)) {
                log.error("restore: {} belongs to another mdnp daemon or another tool (device group {}); leaving it"
                        + " and its endpoints alone", spec.bridge(), bridge.group());
                leftAlone.add(spec.bridge());
            } else if (repairBridge(spec, plan, bridge, listener)) {
                repaired.add(spec.bridge());
            }
        }
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
                log.error("restore: not restoring endpoint {}: its bridge {} is not this daemon's bridge",
                        veth.hostName(), veth.bridge());
            } else if (host != null && !ownership.owns(host.group())
                    && (!(host instanceof VethLink) || !adopt(host, false, adopted, listener))) {
                log.error("restore: not restoring endpoint {}: the link belongs to another mdnp daemon or another"
                        + " tool (device group {})", veth.hostName(), host.group());
            } else if (host == null) {
                endpointBuilder.build(veth, listener);
                rebuiltEndpoints.add(veth.hostName());
            } else if (reattach(veth, host, links, listener)) {
                reattachedPorts.add(veth.hostName());
            }
        }
        FirewallReport rules = restoreFirewall(networks, endpoints, leftAlone);
        rules.repairedBridges().stream().filter(bridge -> !rebuiltBridges.contains(bridge)).forEach(repaired::add);
        Set<String> known = knownNames(networks, endpoints);
        List<String> deletedLinks = deleteUnknownLinks(known);
        List<String> repairedBridges = networks.stream().map(BridgeSpec::bridge).filter(repaired::contains)
                .distinct().toList();
        return new RestoreReport(rebuiltBridges, repairedBridges, rebuiltEndpoints, reattachedPorts, lostEndpoints,
                deletedLinks, rules.removedBridges(), adopted);
    }

    /**
     * Takes over a link the state names that carries no owner's mark (the default group: a release without groups
     * made it); returns false, changing nothing, for a link in another group, which is another daemon's or tool's.
     */
    private boolean adopt(Link link, boolean bridge, List<String> adopted, KernelOpListener listener) {
        if (link.group() != 0) {
            return false;
        }
        runner.apply(List.of(new AdoptLinkStep(link.name(), bridge, ownership)), listener);
        adopted.add(link.name());
        return true;
    }

    /**
     * Puts back missing gateway addresses, the up state and the kernel settings; returns true when an address or up
     * was missing (missing rules are told by the firewall's restore).
     */
    private boolean repairBridge(BridgeSpec spec, NetworkPlan plan, Link bridge, KernelOpListener listener) {
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
        steps.addAll(plan.settings());
        runner.apply(steps, listener);
        return !missing.isEmpty();
    }

    /**
     * Takes the published host ports again and makes the firewall hold the rules of the networks and ports, except
     * those of networks left alone: their bridge name is another link's now, which mdnp's rules must not match.
     */
    private FirewallReport restoreFirewall(List<BridgeSpec> networks, List<RestoredEndpoint> endpoints,
            Set<String> leftAlone) {
        Map<String, BridgeSpec> byBridge = networks.stream().filter(network -> !leftAlone.contains(network.bridge()))
                .collect(Collectors.toMap(BridgeSpec::bridge, Function.identity(), (a, b) -> a));
        List<PortRules> ports = new ArrayList<>();
        for (RestoredEndpoint endpoint : endpoints) {
            BridgeSpec network = byBridge.get(endpoint.veth().bridge());
            if (endpoint.published().isEmpty() || network == null) {
                continue;
            }
            OwnNamespace.require(rtnl, "reserve published host ports");
            reservations.reserveAgain(endpoint.endpointId(), endpoint.published());
            ports.add(PortRulesStep.rules(network, endpoint.endpointId(), endpoint.published()));
        }
        try {
            return firewall.restore(byBridge.values().stream().map(BridgeSpec::rules).toList(), ports);
        } catch (FirewallException e) {
            throw new DataplaneException("restore firewall rules: " + e.getMessage(), false, e);
        }
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

    /** Deletes the daemon's links (by their group) that no recorded network or endpoint names. */
    private List<String> deleteUnknownLinks(Set<String> known) {
        List<String> deleted = new ArrayList<>();
        for (Link link : rtnl.links().list()) {
            if (ownership.owns(link.group()) && !known.contains(link.name())) {
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

    private static IpPrefix prefix(Address address) {
        return new IpPrefix(address.address(), address.prefixLength());
    }

    private static Map<String, Link> byName(List<Link> links) {
        return links.stream().collect(Collectors.toMap(Link::name, Function.identity(), (a, b) -> a));
    }
}
