package dev.mdnp.inspector.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.inspector.model.DaemonObjects;
import dev.mdnp.model.cnm.CreateEndpointRequest;
import dev.mdnp.model.cnm.CreateEndpointResponse;
import dev.mdnp.model.cnm.CreateNetworkRequest;
import dev.mdnp.model.cnm.DeleteEndpointRequest;
import dev.mdnp.model.cnm.DeleteNetworkRequest;
import dev.mdnp.model.cnm.EndpointInterface;
import dev.mdnp.model.cnm.IpamData;
import dev.mdnp.model.cnm.JoinRequest;
import dev.mdnp.model.cnm.JoinResponse;
import dev.mdnp.model.cnm.LeaveRequest;
import dev.mdnp.model.cnm.OptionKeys;
import dev.mdnp.model.cnm.ProgramExternalConnectivityRequest;
import dev.mdnp.model.cnm.RevokeExternalConnectivityRequest;
import dev.mdnp.model.inspect.Drift;
import dev.mdnp.model.inspect.ContainerRef;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.InfoView;
import dev.mdnp.model.inspect.KernelOpRecord;
import dev.mdnp.model.inspect.LinkView;
import dev.mdnp.model.inspect.NetworkView;
import dev.mdnp.model.inspect.PortView;
import dev.mdnp.model.inspect.RequestRecord;
import dev.mdnp.model.ipam.ReleaseAddressRequest;
import dev.mdnp.model.ipam.ReleasePoolRequest;
import dev.mdnp.model.ipam.RequestAddressRequest;
import dev.mdnp.model.ipam.RequestAddressResponse;
import dev.mdnp.model.ipam.RequestPoolRequest;
import dev.mdnp.model.ipam.RequestPoolResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The daemon's objects rebuilt from a replayed session, so that the object tabs and the topology work offline: each
 * successful call is applied in order, with the fields of cnm-remote-api.md §2–3, and link names and published ports
 * come from the kernel operations the daemon recorded ({@code create bridge}, {@code create veth host/container},
 * {@code publish ports}, see {@link ReplayPorts}). Links are
 * reported as recorded, not as read from a kernel: index 0, operational state {@code UNKNOWN}, no counters, no drift.
 * A call whose body cannot be read (the daemon cuts bodies at 64 KiB) leaves the objects as they were.
 *
 * <p>Not thread-safe: the {@link ReplayControl} plays one call at a time.
 */
final class ReplayObjects {

    /** The operational state of a link whose state was recorded, not read from a kernel. */
    static final String RECORDED_OPER_STATE = "UNKNOWN";
    private static final String CREATE_BRIDGE = "create bridge";
    private static final String CREATE_VETH = "create veth";

    private final String source;
    private final ObjectMapper mapper;
    private final Map<String, NetworkView> networks = new LinkedHashMap<>();
    private final Map<String, EndpointView> endpoints = new LinkedHashMap<>();
    private final ReplayPools pools = new ReplayPools();
    private Instant startedAt = Instant.EPOCH;
    private long requests;
    private long lastSeq;
    private int historySize;

    /** Creates an empty state for the session in {@code source}, read with {@code mapper}. */
    ReplayObjects(String source, ObjectMapper mapper) {
        this.source = requireNonNull(source, "source");
        this.mapper = requireNonNull(mapper, "mapper");
    }

    /** Notes how many calls the session has and when it started, for {@link InfoView}. */
    void begin(List<RequestRecord> calls) {
        historySize = calls.size();
        startedAt = calls.isEmpty() ? Instant.EPOCH : calls.get(0).start();
    }

    /** Forgets every call applied, back to the state before the first; {@link #begin}'s notes stay. */
    void reset() {
        networks.clear();
        endpoints.clear();
        pools.clear();
        requests = 0;
        lastSeq = 0;
    }

    /** Applies one replayed call; returns whether the networks, endpoints or pools changed. */
    boolean apply(RequestRecord call) {
        requests++;
        lastSeq = call.seq();
        if (!call.ok()) {
            return false;
        }
        try {
            return applySuccessful(call);
        } catch (JsonProcessingException e) {
            return false; // a body cut at 64 KiB or not the protocol's shape: nothing to rebuild from
        }
    }

    /** Returns the objects as they stand, stamped with {@code readAt} (the recorded time of the last call). */
    DaemonObjects snapshot(Instant readAt) {
        List<NetworkView> networkViews = networks.values().stream().map(this::withEndpointCount).toList();
        InfoView info = new InfoView("replay", "recorded", startedAt, source, "", networks.size(), endpoints.size(),
                requests, lastSeq, historySize, 0);
        return new DaemonObjects(info, networkViews, List.copyOf(endpoints.values()), links(), pools.views(),
                readAt);
    }

    private boolean applySuccessful(RequestRecord call) throws JsonProcessingException {
        switch (call.method()) {
            case "NetworkDriver.CreateNetwork":
                return createNetwork(call);
            case "NetworkDriver.DeleteNetwork":
                return networks.remove(read(call.requestJson(), DeleteNetworkRequest.class).networkId()) != null;
            case "NetworkDriver.CreateEndpoint":
                return createEndpoint(call);
            case "NetworkDriver.Join":
                return join(call);
            case "NetworkDriver.Leave":
                return leave(read(call.requestJson(), LeaveRequest.class).endpointId());
            case "NetworkDriver.ProgramExternalConnectivity":
                return program(call);
            case "NetworkDriver.RevokeExternalConnectivity":
                return publish(read(call.requestJson(), RevokeExternalConnectivityRequest.class).endpointId(),
                        List.of());
            case "NetworkDriver.DeleteEndpoint":
                return endpoints.remove(read(call.requestJson(), DeleteEndpointRequest.class).endpointId()) != null;
            case "IpamDriver.RequestPool":
                return requestPool(call);
            case "IpamDriver.ReleasePool":
                return pools.releasePool(read(call.requestJson(), ReleasePoolRequest.class).poolId());
            case "IpamDriver.RequestAddress":
                return pools.requestAddress(read(call.requestJson(), RequestAddressRequest.class).poolId(),
                        read(call.responseJson(), RequestAddressResponse.class).address());
            case "IpamDriver.ReleaseAddress":
                ReleaseAddressRequest release = read(call.requestJson(), ReleaseAddressRequest.class);
                return pools.releaseAddress(release.poolId(), release.address());
            default:
                return false;
        }
    }

    private boolean createNetwork(RequestRecord call) throws JsonProcessingException {
        CreateNetworkRequest request = read(call.requestJson(), CreateNetworkRequest.class);
        Map<String, String> generic = generic(request.options());
        String bridge = kernelTarget(call, CREATE_BRIDGE).orElse(generic.getOrDefault(OptionKeys.BRIDGE_NAME,
                generic.getOrDefault(OptionKeys.MDNP_BRIDGE_NAME, "")));
        List<String> gateways = Stream.concat(request.ipv4Data().stream(), request.ipv6Data().stream())
                .map(IpamData::gateway)
                .filter(Objects::nonNull)
                .toList();
        networks.put(request.networkId(), new NetworkView(request.networkId(), "", bridge, mtu(generic),
                subnets(request.ipv4Data()), subnets(request.ipv6Data()), gateways, generic, 0, call.start()));
        return true;
    }

    private boolean createEndpoint(RequestRecord call) throws JsonProcessingException {
        CreateEndpointRequest request = read(call.requestJson(), CreateEndpointRequest.class);
        EndpointInterface asked = request.endpointInterface();
        EndpointInterface answered = Optional.ofNullable(
                read(call.responseJson(), CreateEndpointResponse.class).endpointInterface())
                .orElse(new EndpointInterface("", "", ""));
        String[] veth = kernelTarget(call, CREATE_VETH).orElse("").split("/", 2);
        endpoints.put(request.endpointId(), new EndpointView(request.endpointId(), request.networkId(), veth[0],
                veth.length > 1 ? veth[1] : "", either(asked.macAddress(), answered.macAddress()),
                either(asked.address(), answered.address()), either(asked.addressIPv6(), answered.addressIPv6()),
                false, "", List.of(), ContainerRef.UNKNOWN));
        return true;
    }

    private boolean join(RequestRecord call) throws JsonProcessingException {
        JoinRequest request = read(call.requestJson(), JoinRequest.class);
        EndpointView endpoint = endpoints.get(request.endpointId());
        if (endpoint == null) {
            return false;
        }
        JoinResponse response = read(call.responseJson(), JoinResponse.class);
        String srcName = response.interfaceName() == null ? "" : response.interfaceName().srcName();
        endpoints.put(endpoint.id(), new EndpointView(endpoint.id(), endpoint.networkId(), endpoint.hostIfName(),
                either(srcName, endpoint.containerIfName()), endpoint.mac(), endpoint.ipv4Address(),
                endpoint.ipv6Address(), true, request.sandboxKey(), endpoint.ports(), endpoint.container()));
        return true;
    }

    private boolean leave(String endpointId) {
        EndpointView endpoint = endpoints.get(endpointId);
        if (endpoint == null) {
            return false;
        }
        endpoints.put(endpointId, new EndpointView(endpoint.id(), endpoint.networkId(), endpoint.hostIfName(),
                endpoint.containerIfName(), endpoint.mac(), endpoint.ipv4Address(), endpoint.ipv6Address(), false,
                "", endpoint.ports(), endpoint.container()));
        return true;
    }

    /**
     * Sets the ports a ProgramExternalConnectivity published; one without a {@code publish ports} operation (no
     * portmap) removed them, as the daemon does.
     */
    private boolean program(RequestRecord call) throws JsonProcessingException {
        String endpointId = read(call.requestJson(), ProgramExternalConnectivityRequest.class).endpointId();
        EndpointView endpoint = endpoints.get(endpointId);
        if (endpoint == null) {
            return false;
        }
        return publish(endpointId, kernelTarget(call, ReplayPorts.PUBLISH_PORTS)
                .map(target -> ReplayPorts.parse(target, endpoint))
                .orElse(List.of()));
    }

    /** Gives the endpoint these ports; returns whether that changed it. */
    private boolean publish(String endpointId, List<PortView> ports) {
        EndpointView endpoint = endpoints.get(endpointId);
        if (endpoint == null || endpoint.ports().equals(ports)) {
            return false;
        }
        endpoints.put(endpointId, endpoint.withPorts(ports));
        return true;
    }

    private boolean requestPool(RequestRecord call) throws JsonProcessingException {
        RequestPoolRequest request = read(call.requestJson(), RequestPoolRequest.class);
        RequestPoolResponse response = read(call.responseJson(), RequestPoolResponse.class);
        return pools.requestPool(response.poolId(), request.addressSpace(),
                either(response.pool(), request.pool()), request.subPool());
    }

    /**
     * Returns the links the daemon would list in the host namespace: each bridge, each endpoint's host end (a port
     * of its bridge), and the container end while no container has joined (Docker moves it away at the join).
     */
    private List<LinkView> links() {
        List<LinkView> links = new ArrayList<>();
        for (NetworkView network : networks.values()) {
            if (!network.bridge().isEmpty()) {
                links.add(link(network.bridge(), "", "", network, "", ""));
            }
        }
        for (EndpointView endpoint : endpoints.values()) {
            NetworkView network = networks.get(endpoint.networkId());
            if (network == null) {
                continue;
            }
            boolean bothOnHost = !endpoint.joined() && !endpoint.containerIfName().isEmpty();
            if (!endpoint.hostIfName().isEmpty()) {
                links.add(link(endpoint.hostIfName(), bothOnHost ? endpoint.containerIfName() : "",
                        network.bridge(), network, endpoint.id(), ""));
            }
            if (bothOnHost) {
                links.add(link(endpoint.containerIfName(), endpoint.hostIfName(), "", network, endpoint.id(),
                        endpoint.mac()));
            }
        }
        links.sort(Comparator.comparing(LinkView::name));
        return links;
    }

    private static LinkView link(String name, String peer, String master, NetworkView network, String endpointId,
            String mac) {
        return new LinkView(name, endpointId.isEmpty() ? "bridge" : "veth", 0, peer, master, network.mtu(), mac, true,
                RECORDED_OPER_STATE, 0, 0, network.id(), endpointId, Drift.NONE);
    }

    private NetworkView withEndpointCount(NetworkView n) {
        int count = (int) endpoints.values().stream().filter(e -> e.networkId().equals(n.id())).count();
        return new NetworkView(n.id(), n.name(), n.bridge(), n.mtu(), n.ipv4Subnets(), n.ipv6Subnets(), n.gateways(),
                n.options(), count, n.createdAt());
    }

    private <T> T read(String json, Class<T> type) throws JsonProcessingException {
        return mapper.readValue(json.isBlank() ? "{}" : json, type);
    }

    private static Optional<String> kernelTarget(RequestRecord call, String operation) {
        return call.kernelOps().stream()
                .filter(op -> op.operation().equals(operation) && op.ok())
                .map(KernelOpRecord::target)
                .findFirst();
    }

    /** Returns the {@code -o} options of a CreateNetwork as text (cnm-remote-api.md §2.2, §4). */
    private static Map<String, String> generic(Map<String, ?> options) {
        Map<String, String> generic = new LinkedHashMap<>();
        if (options.get(OptionKeys.GENERIC) instanceof Map<?, ?> map) {
            map.forEach((key, value) -> generic.put(String.valueOf(key), String.valueOf(value)));
        }
        return generic;
    }

    private static int mtu(Map<String, String> generic) {
        try {
            return Integer.parseInt(generic.getOrDefault(OptionKeys.MTU, "0").strip());
        } catch (NumberFormatException e) {
            return 0; // the daemon refuses such a network; a recording of it shows the default
        }
    }

    private static List<String> subnets(List<IpamData> data) {
        return data.stream().map(IpamData::pool).filter(pool -> !pool.isEmpty()).toList();
    }

    private static String either(String first, String second) {
        return first.isEmpty() ? second : first;
    }
}
