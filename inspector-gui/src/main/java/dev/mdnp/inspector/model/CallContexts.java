package dev.mdnp.inspector.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.model.cnm.OptionKeys;
import dev.mdnp.model.inspect.ContainerRef;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.NameLookup;
import dev.mdnp.model.inspect.NetworkView;
import dev.mdnp.model.inspect.PoolView;
import dev.mdnp.model.inspect.RequestRecord;
import dev.mdnp.model.json.JsonMappers;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Puts recorded calls in context: learns from the daemon's objects and from the calls themselves which pool belongs
 * to which network, which address to which endpoint, and Docker's names, and keeps what it learned after the objects
 * are gone, so that the calls of a removed container still name it. Not thread-safe.
 */
public final class CallContexts implements NameLookup {

    private static final String IPAM = "IpamDriver.";
    private static final String DRIVER = "NetworkDriver.";
    /** How many worked-out contexts are kept before they are all forgotten (the log keeps up to 100,000 calls). */
    private static final int MAX_CACHED = 200_000;

    private final ObjectMapper mapper = JsonMappers.create();
    private final Map<String, String> networkNames = new HashMap<>();
    private final Map<String, ContainerRef> containers = new HashMap<>();
    private final Map<String, String> endpointNetworks = new HashMap<>();
    private final Map<String, String> poolSubnets = new HashMap<>();
    private final Map<String, String> subnetNetworks = new HashMap<>();
    private final Map<String, String> addressEndpoints = new HashMap<>();
    private final Map<CallKey, CallContext> cache = new HashMap<>();
    private long version;

    /** Returns a number that grows whenever something learned changes a call's context. */
    public long version() {
        return version;
    }

    /** Learns the names, pools, subnets and addresses of the daemon's objects; returns whether anything changed. */
    public boolean learn(List<NetworkView> networks, List<EndpointView> endpoints, List<PoolView> pools) {
        boolean changed = false;
        for (NetworkView network : networks) {
            if (!network.name().isEmpty()) {
                changed |= put(networkNames, network.id(), network.name());
            }
            for (String subnet : network.ipv4Subnets()) {
                changed |= put(subnetNetworks, subnet, network.id());
            }
            for (String subnet : network.ipv6Subnets()) {
                changed |= put(subnetNetworks, subnet, network.id());
            }
        }
        for (EndpointView endpoint : endpoints) {
            changed |= put(endpointNetworks, endpoint.id(), endpoint.networkId());
            if (!endpoint.container().isUnknown()) {
                changed |= put(containers, endpoint.id(), endpoint.container());
            }
            changed |= putAddress(endpoint.ipv4Address(), endpoint.id());
            changed |= putAddress(endpoint.ipv6Address(), endpoint.id());
        }
        for (PoolView pool : pools) {
            changed |= put(poolSubnets, pool.poolId(), pool.pool());
        }
        return changed(changed);
    }

    /**
     * Learns from {@code call}: the subnets of a CreateNetwork, the addresses of a CreateEndpoint, the subnet of a
     * RequestPool's pool id; returns whether anything changed.
     */
    public boolean learn(RequestRecord call) {
        if (!call.ok()) {
            return false;
        }
        boolean changed = false;
        switch (call.method()) {
            case DRIVER + "CreateNetwork" -> {
                JsonNode request = parse(call.requestJson());
                for (String family : List.of("IPv4Data", "IPv6Data")) {
                    for (JsonNode data : request.path(family)) {
                        String pool = data.path("Pool").asText("");
                        if (!pool.isEmpty()) {
                            changed |= put(subnetNetworks, pool, call.networkId());
                        }
                    }
                }
            }
            case DRIVER + "CreateEndpoint" -> {
                JsonNode addresses = parse(call.requestJson()).path("Interface");
                changed |= put(endpointNetworks, call.endpointId(), call.networkId());
                changed |= putAddress(addresses.path("Address").asText(""), call.endpointId());
                changed |= putAddress(addresses.path("AddressIPv6").asText(""), call.endpointId());
            }
            case IPAM + "RequestPool" -> {
                JsonNode response = parse(call.responseJson());
                String poolId = response.path("PoolID").asText("");
                String subnet = response.path("Pool").asText("");
                if (!poolId.isEmpty() && !subnet.isEmpty()) {
                    changed |= put(poolSubnets, poolId, subnet);
                }
            }
            default -> {
                return false;
            }
        }
        return changed(changed);
    }

    /** Returns what {@code call} was about, as far as is known now. */
    public CallContext of(RequestRecord call) {
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        return cache.computeIfAbsent(new CallKey(call.seq(), call.start().toEpochMilli(), call.method()),
                key -> contextOf(call));
    }

    /** Forgets the contexts worked out so far (not what was learned), such as when the calls were cleared. */
    public void forgetContexts() {
        cache.clear();
    }

    @Override
    public String networkName(String networkId) {
        return networkNames.getOrDefault(networkId, "");
    }

    @Override
    public ContainerRef containerOf(String endpointId) {
        return containers.getOrDefault(endpointId, ContainerRef.UNKNOWN);
    }

    private CallContext contextOf(RequestRecord call) {
        String networkId = call.networkId();
        String endpointId = call.endpointId();
        String pool = "";
        String address = "";
        boolean gateway = false;
        if (call.method().startsWith(IPAM)) {
            JsonNode request = parse(call.requestJson());
            JsonNode response = parse(call.responseJson());
            String poolId = firstOf(request.path("PoolID"), response.path("PoolID"));
            pool = firstOf(response.path("Pool"), request.path("Pool"));
            if (pool.isEmpty()) {
                pool = poolSubnets.getOrDefault(poolId, poolId);
            }
            address = withoutPrefix(firstOf(response.path("Address"), request.path("Address")));
            gateway = OptionKeys.GATEWAY_ADDRESS_TYPE.equals(
                    request.path("Options").path(OptionKeys.REQUEST_ADDRESS_TYPE).asText(""));
            if (networkId.isEmpty()) {
                networkId = subnetNetworks.getOrDefault(pool, "");
            }
            if (endpointId.isEmpty() && !gateway && !address.isEmpty()) {
                endpointId = addressEndpoints.getOrDefault(address, "");
            }
        }
        if (networkId.isEmpty() && !endpointId.isEmpty()) {
            networkId = endpointNetworks.getOrDefault(endpointId, "");
        }
        return new CallContext(networkId, networkName(networkId), endpointId, containerOf(endpointId), pool, address,
                gateway);
    }

    private boolean putAddress(String cidr, String endpointId) {
        String address = withoutPrefix(cidr);
        return !address.isEmpty() && !endpointId.isEmpty() && put(addressEndpoints, address, endpointId);
    }

    private static <V> boolean put(Map<String, V> facts, String key, V value) {
        if (key.isEmpty()) {
            return false;
        }
        return !Objects.equals(facts.put(key, value), value);
    }

    private boolean changed(boolean changed) {
        if (changed) {
            version++;
            cache.clear();
        }
        return changed;
    }

    private JsonNode parse(String json) {
        try {
            JsonNode node = mapper.readTree(json);
            return node == null ? mapper.missingNode() : node;
        } catch (IOException e) {
            return mapper.missingNode();
        }
    }

    private static String firstOf(JsonNode first, JsonNode second) {
        String text = first.asText("");
        return text.isEmpty() ? second.asText("") : text;
    }

    private static String withoutPrefix(String cidr) {
        int slash = cidr.indexOf('/');
        return slash < 0 ? cidr : cidr.substring(0, slash);
    }

    /** A call's identity: its number, start and method (numbers restart with the daemon). */
    private record CallKey(long seq, long startMillis, String method) {
    }
}
