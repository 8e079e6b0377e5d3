package dev.mdnp.inspector.model;

import dev.mdnp.model.inspect.ContainerInterfaceView;
import dev.mdnp.model.inspect.ContainerRef;
import dev.mdnp.model.inspect.ContainerView;
import dev.mdnp.model.inspect.Drift;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.LinkView;
import dev.mdnp.model.inspect.NetworkView;
import dev.mdnp.model.inspect.PortView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link Topology} from one reading: the state's networks by name, the endpoints grouped into containers by
 * their sandbox (with Docker's names and the interfaces as read inside, when the reading has containers), each
 * container's interfaces wired to their networks' bridges; then the links only the kernel has, a bridge as a bridge
 * of its own, a veth as a port of the bridge it is enslaved to (its peer as the other end), any other as a stray.
 */
final class TopologyBuilder {

    private static final String BRIDGE_KIND = "bridge";
    private static final String NOT_JOINED_KEY = "endpoint:";
    private static final Comparator<NetworkView> BY_NETWORK_NAME =
            Comparator.comparing(NetworkView::displayName).thenComparing(NetworkView::id);
    /** Named containers first, by name; then the unnamed by id and sandbox, so the order holds between readings. */
    private static final Comparator<TopologyContainer> BY_CONTAINER_NAME =
            Comparator.comparing((TopologyContainer c) -> c.name().isEmpty()).thenComparing(TopologyContainer::name)
                    .thenComparing(TopologyContainer::id).thenComparing(TopologyContainer::key);
    private static final Comparator<TopologyInterface> BY_INTERFACE_NAME =
            Comparator.comparing(TopologyInterface::name).thenComparing(TopologyInterface::hostIfName);

    private final DaemonObjects objects;
    private final LinkIndex links;
    private final Map<String, String> bridgeByNetwork = new HashMap<>();
    private final Map<String, ContainerView> containerBySandbox = new HashMap<>();
    private final Map<String, ContainerInterfaceView> interfaceByEndpoint;
    private final Map<String, List<TopologyPort>> portsByBridge = new LinkedHashMap<>();
    private final Set<String> placed = new HashSet<>();

    TopologyBuilder(DaemonObjects objects) {
        this.objects = objects;
        this.links = LinkIndex.of(objects.links());
        this.interfaceByEndpoint = objects.interfacesByEndpoint();
        objects.containers().forEach(container -> containerBySandbox.put(container.sandboxKey(), container));
    }

    Topology build() {
        List<NetworkView> networks = objects.networks().stream().sorted(BY_NETWORK_NAME).toList();
        for (NetworkView network : networks) {
            portsByBridge.put(network.bridge(), new ArrayList<>());
            bridgeByNetwork.put(network.id(), network.bridge());
        }
        List<TopologyContainer> containers = containers();
        for (TopologyContainer container : containers) {
            for (TopologyInterface inside : container.interfaces()) {
                List<TopologyPort> ports = portsByBridge.get(inside.bridge());
                if (ports != null) {
                    ports.add(new TopologyPort(inside.endpointId(), inside.hostIfName(),
                            links.status(inside.hostIfName()), container.key(), inside.mdnpName(), inside.drift()));
                }
            }
        }
        List<LinkView> unknown = objects.links().stream().filter(l -> l.drift() == Drift.UNKNOWN_TO_STATE).toList();
        List<LinkView> unknownBridges = unknown.stream().filter(l -> l.kind().equals(BRIDGE_KIND)).toList();
        unknownBridges.forEach(l -> portsByBridge.putIfAbsent(l.name(), new ArrayList<>()));
        List<TopologyPort> strays = new ArrayList<>();
        // Ports first, so that the enslaved end of an unknown pair is its host end and its peer the other end.
        unknown.stream().filter(l -> portsByBridge.containsKey(l.master()))
                .forEach(l -> place(l, portsByBridge.get(l.master())));
        unknown.stream().filter(l -> !l.kind().equals(BRIDGE_KIND)).forEach(l -> place(l, strays));
        List<TopologyBridge> bridges = new ArrayList<>();
        networks.forEach(network -> bridges.add(knownBridge(network)));
        unknownBridges.forEach(l -> bridges.add(unknownBridge(l)));
        return new Topology(bridges, containers, strays);
    }

    /** Returns the endpoints grouped by sandbox into containers, by name. */
    private List<TopologyContainer> containers() {
        Map<String, List<EndpointView>> bySandbox = new LinkedHashMap<>();
        for (EndpointView endpoint : objects.endpoints()) {
            bySandbox.computeIfAbsent(keyOf(endpoint), key -> new ArrayList<>()).add(endpoint);
        }
        List<TopologyContainer> containers = new ArrayList<>();
        bySandbox.forEach((key, endpoints) -> containers.add(container(key, endpoints)));
        containers.sort(BY_CONTAINER_NAME);
        return containers;
    }

    private TopologyContainer container(String key, List<EndpointView> endpoints) {
        EndpointView first = endpoints.get(0);
        ContainerRef named = namedContainer(key, endpoints);
        List<TopologyInterface> interfaces = endpoints.stream().map(this::inside).sorted(BY_INTERFACE_NAME).toList();
        List<String> ports = endpoints.stream().flatMap(e -> e.ports().stream()).map(PortView::text).distinct()
                .toList();
        boolean joined = !key.startsWith(NOT_JOINED_KEY);
        return new TopologyContainer(key, named.id(), named.name(), joined,
                joined ? lastPart(first.sandboxKey()) : "", interfaces, ports);
    }

    /** Returns Docker's names for the container: as {@code /v1/containers} has it, else as an endpoint has it. */
    private ContainerRef namedContainer(String key, List<EndpointView> endpoints) {
        ContainerView read = containerBySandbox.get(key);
        if (read != null && !read.container().isUnknown()) {
            return read.container();
        }
        return endpoints.stream().map(EndpointView::container).filter(c -> !c.isUnknown()).findFirst()
                .orElse(ContainerRef.UNKNOWN);
    }

    private TopologyInterface inside(EndpointView endpoint) {
        ContainerInterfaceView read = interfaceByEndpoint.get(endpoint.id());
        String name = read != null && !read.name().isEmpty() ? read.name() : endpoint.containerIfName();
        return new TopologyInterface(endpoint.id(), endpoint.networkId(),
                bridgeByNetwork.getOrDefault(endpoint.networkId(), ""), name, endpoint.containerIfName(),
                endpoint.hostIfName(), endpoint.ipv4Address(), endpoint.ipv6Address(), endpoint.mac(),
                read == null ? LinkStatus.ABSENT : LinkStatus.inside(read), read == null ? "" : read.problem(),
                links.endpointDrift(endpoint));
    }

    private void place(LinkView link, List<TopologyPort> ports) {
        if (placed.add(link.name())) {
            placed.add(link.peer());
            ports.add(new TopologyPort("", link.name(), LinkStatus.of(link), "", link.peer(),
                    Drift.UNKNOWN_TO_STATE));
        }
    }

    private TopologyBridge knownBridge(NetworkView network) {
        List<String> subnets = new ArrayList<>(network.ipv4Subnets());
        subnets.addAll(network.ipv6Subnets());
        return new TopologyBridge(network.id(), network.name(), network.bridge(), subnets, network.gateways(),
                network.mtu(), links.status(network.bridge()), links.drift(network.bridge()),
                portsByBridge.get(network.bridge()));
    }

    private TopologyBridge unknownBridge(LinkView link) {
        return new TopologyBridge("", "", link.name(), List.of(), List.of(), link.mtu(), LinkStatus.of(link),
                Drift.UNKNOWN_TO_STATE, portsByBridge.get(link.name()));
    }

    private static String keyOf(EndpointView endpoint) {
        return endpoint.joined() && !endpoint.sandboxKey().isEmpty() ? endpoint.sandboxKey()
                : NOT_JOINED_KEY + endpoint.id();
    }

    private static String lastPart(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
