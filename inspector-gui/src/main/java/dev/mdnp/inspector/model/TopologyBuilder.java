package dev.mdnp.inspector.model;

import dev.mdnp.model.inspect.Drift;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.LinkView;
import dev.mdnp.model.inspect.NetworkView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link Topology} from one reading: the state's networks and endpoints first, with their links' status
 * and drift; then the links only the kernel has, a bridge as a bridge of its own, a veth as a port of the bridge it
 * is enslaved to (its peer as the container end), any other as a stray.
 */
final class TopologyBuilder {

    private static final String BRIDGE_KIND = "bridge";

    private final DaemonObjects objects;
    private final LinkIndex links;
    private final Map<String, List<TopologyPort>> portsByBridge = new LinkedHashMap<>();
    private final Set<String> placed = new HashSet<>();

    TopologyBuilder(DaemonObjects objects) {
        this.objects = objects;
        this.links = LinkIndex.of(objects.links());
    }

    Topology build() {
        Map<String, String> bridgeByNetwork = new HashMap<>();
        for (NetworkView network : objects.networks()) {
            portsByBridge.put(network.bridge(), new ArrayList<>());
            bridgeByNetwork.put(network.id(), network.bridge());
        }
        for (EndpointView endpoint : objects.endpoints()) {
            String bridge = bridgeByNetwork.get(endpoint.networkId());
            if (bridge != null) {
                portsByBridge.get(bridge).add(port(endpoint));
            }
        }
        List<LinkView> unknown = objects.links().stream().filter(l -> l.drift() == Drift.UNKNOWN_TO_STATE).toList();
        List<LinkView> unknownBridges = unknown.stream().filter(l -> l.kind().equals(BRIDGE_KIND)).toList();
        unknownBridges.forEach(l -> portsByBridge.putIfAbsent(l.name(), new ArrayList<>()));
        List<TopologyPort> strays = new ArrayList<>();
        // Ports first, so that the enslaved end of an unknown pair is its host end and its peer the container end.
        unknown.stream().filter(l -> portsByBridge.containsKey(l.master()))
                .forEach(l -> place(l, portsByBridge.get(l.master())));
        unknown.stream().filter(l -> !l.kind().equals(BRIDGE_KIND)).forEach(l -> place(l, strays));
        List<TopologyBridge> bridges = new ArrayList<>();
        for (NetworkView network : objects.networks()) {
            bridges.add(knownBridge(network));
        }
        unknownBridges.forEach(l -> bridges.add(unknownBridge(l)));
        return new Topology(bridges, strays);
    }

    private void place(LinkView link, List<TopologyPort> ports) {
        if (placed.add(link.name())) {
            placed.add(link.peer());
            ports.add(unknownPort(link));
        }
    }

    private TopologyPort port(EndpointView endpoint) {
        return new TopologyPort(endpoint.id(), endpoint.hostIfName(), links.status(endpoint.hostIfName()),
                endpoint.containerIfName(), endpoint.ipv4Address(), endpoint.ipv6Address(), endpoint.mac(),
                endpoint.joined(), lastPart(endpoint.sandboxKey()), links.endpointDrift(endpoint));
    }

    private TopologyBridge knownBridge(NetworkView network) {
        List<String> subnets = new ArrayList<>(network.ipv4Subnets());
        subnets.addAll(network.ipv6Subnets());
        return new TopologyBridge(network.id(), network.bridge(), subnets, network.gateways(), network.mtu(),
                links.status(network.bridge()), links.drift(network.bridge()), portsByBridge.get(network.bridge()));
    }

    private TopologyBridge unknownBridge(LinkView link) {
        return new TopologyBridge("", link.name(), List.of(), List.of(), link.mtu(), LinkStatus.of(link),
                Drift.UNKNOWN_TO_STATE, portsByBridge.get(link.name()));
    }

    private static TopologyPort unknownPort(LinkView link) {
        return new TopologyPort("", link.name(), LinkStatus.of(link), link.peer(), "", "", "", false, "",
                Drift.UNKNOWN_TO_STATE);
    }

    private static String lastPart(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
