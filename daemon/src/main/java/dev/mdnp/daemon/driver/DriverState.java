package dev.mdnp.daemon.driver;

import dev.mdnp.daemon.driver.DriverException.Reason;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The networks and endpoints the driver knows, keyed by Docker's ids.
 *
 * <p>Thread-safe: every method holds the instance's monitor, so a check and the change it guards are atomic and a
 * failed check changes nothing.
 */
public final class DriverState {

    private final Map<String, Network> networks = new HashMap<>();
    private final Map<String, Endpoint> endpoints = new HashMap<>();

    /** Returns the network with the given id. */
    public synchronized Optional<Network> network(String networkId) {
        return Optional.ofNullable(networks.get(networkId));
    }

    /** Returns every network, in no particular order. */
    public synchronized List<Network> networks() {
        return List.copyOf(networks.values());
    }

    /** Returns every endpoint, in no particular order. */
    public synchronized List<Endpoint> endpoints() {
        return List.copyOf(endpoints.values());
    }

    synchronized void addNetwork(Network network) {
        Network existing = networks.get(network.id());
        if (existing != null && !existing.request().equals(network.request())) {
            throw new DriverException(Reason.CONFLICT, "network " + NetworkDriver.shortId(network.id())
                    + " already exists with different settings");
        }
        networks.put(network.id(), network);
    }

    synchronized void removeNetwork(String networkId) {
        networks.remove(networkId);
        endpoints.values().removeIf(endpoint -> endpoint.networkId().equals(networkId));
    }

    synchronized void addEndpoint(Endpoint endpoint) {
        if (!networks.containsKey(endpoint.networkId())) {
            throw NetworkDriver.unknownNetwork(endpoint.networkId());
        }
        Endpoint existing = endpoints.get(endpoint.id());
        if (existing != null && !existing.request().equals(endpoint.request())) {
            throw new DriverException(Reason.CONFLICT, "endpoint " + NetworkDriver.shortId(endpoint.id())
                    + " already exists with different settings");
        }
        if (existing == null) {
            endpoints.put(endpoint.id(), endpoint);
        }
    }

    synchronized Endpoint joinEndpoint(String networkId, String endpointId, String sandboxKey) {
        Endpoint endpoint = endpoints.get(endpointId);
        if (endpoint == null || !endpoint.networkId().equals(networkId)) {
            throw new DriverException(Reason.NOT_FOUND, "endpoint " + NetworkDriver.shortId(endpointId)
                    + " is not known to mdnp on network " + NetworkDriver.shortId(networkId));
        }
        Endpoint joined = endpoint.joinedTo(sandboxKey);
        endpoints.put(endpointId, joined);
        return joined;
    }

    synchronized void leaveEndpoint(String endpointId) {
        endpoints.computeIfPresent(endpointId, (id, endpoint) -> endpoint.left());
    }

    synchronized void removeEndpoint(String endpointId) {
        endpoints.remove(endpointId);
    }
}
