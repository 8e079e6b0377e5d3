package dev.mdnp.daemon.driver;

import dev.mdnp.daemon.driver.DriverException.Reason;
import dev.mdnp.model.cnm.CreateEndpointRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The networks and endpoints the driver knows, keyed by Docker's ids.
 *
 * <p>Thread-safe: every method holds the instance's monitor. A check and the change it allows are separate calls:
 * the driver makes them under its own lock, around the kernel work in between.
 */
public final class DriverState {

    private final Map<String, Network> networks = new HashMap<>();
    private final Map<String, Endpoint> endpoints = new HashMap<>();

    /** Creates an empty state: the state of a first start. */
    public DriverState() {
    }

    /**
     * Returns a state holding recorded networks and endpoints, as a restarted daemon loads them from its store.
     *
     * @throws IllegalArgumentException when an id is repeated or an endpoint's network is not among {@code networks}
     */
    public static DriverState restored(List<Network> networks, List<Endpoint> endpoints) {
        DriverState state = new DriverState();
        for (Network network : networks) {
            if (state.networks.putIfAbsent(network.id(), network) != null) {
                throw new IllegalArgumentException("network " + network.id() + " is recorded twice");
            }
        }
        for (Endpoint endpoint : endpoints) {
            if (!state.networks.containsKey(endpoint.networkId())) {
                throw new IllegalArgumentException("endpoint " + endpoint.id() + " belongs to unrecorded network "
                        + endpoint.networkId());
            }
            if (state.endpoints.putIfAbsent(endpoint.id(), endpoint) != null) {
                throw new IllegalArgumentException("endpoint " + endpoint.id() + " is recorded twice");
            }
        }
        return state;
    }

    /** Returns the network with the given id. */
    public synchronized Optional<Network> network(String networkId) {
        return Optional.ofNullable(networks.get(networkId));
    }

    /** Returns every network, in no particular order. */
    public synchronized List<Network> networks() {
        return List.copyOf(networks.values());
    }

    /** Returns the endpoint with the given id. */
    public synchronized Optional<Endpoint> endpoint(String endpointId) {
        return Optional.ofNullable(endpoints.get(endpointId));
    }

    /** Returns the endpoints of one network, in no particular order. */
    public synchronized List<Endpoint> endpointsOf(String networkId) {
        return endpoints.values().stream().filter(endpoint -> endpoint.networkId().equals(networkId)).toList();
    }

    /** Returns every endpoint, in no particular order. */
    public synchronized List<Endpoint> endpoints() {
        return List.copyOf(endpoints.values());
    }

    /**
     * Checks that a network can be added: returns true when the same network is already known (a repeat), false when
     * it is new.
     *
     * @throws DriverException with {@link Reason#CONFLICT} for the same id with other data, or another network that
     *     already uses the bridge name
     */
    synchronized boolean checkNewNetwork(Network network) {
        Network existing = networks.get(network.id());
        if (existing != null) {
            if (!existing.request().equals(network.request())) {
                throw new DriverException(Reason.CONFLICT, "network " + NetworkDriver.shortId(network.id())
                        + " already exists with different settings");
            }
            return true;
        }
        for (Network other : networks.values()) {
            if (other.bridge().equals(network.bridge())) {
                throw new DriverException(Reason.CONFLICT, "bridge " + network.bridge() + " is already used by network "
                        + NetworkDriver.shortId(other.id()) + "; choose another dev.mdnp.bridge.name");
            }
        }
        return false;
    }

    /** Returns true when a known network's bridge has this name. */
    synchronized boolean bridgeInUse(String bridge) {
        return networks.values().stream().anyMatch(network -> network.bridge().equals(bridge));
    }

    /** Returns true when a known endpoint's host-side veth has this name. */
    synchronized boolean vethInUse(String hostName) {
        return endpoints.values().stream().anyMatch(endpoint -> endpoint.hostName().equals(hostName));
    }

    synchronized void addNetwork(Network network) {
        networks.put(network.id(), network);
    }

    synchronized void removeNetwork(String networkId) {
        networks.remove(networkId);
        endpoints.values().removeIf(endpoint -> endpoint.networkId().equals(networkId));
    }

    /**
     * Checks that an endpoint can be created from {@code request}: returns the endpoint when the same one is already
     * known (a repeat), empty when it is new.
     *
     * @throws DriverException with {@link Reason#CONFLICT} for the same id with other data, or another endpoint whose
     *     interface name is the same (ids equal in their first characters)
     */
    synchronized Optional<Endpoint> checkNewEndpoint(CreateEndpointRequest request, String srcName) {
        Endpoint existing = endpoints.get(request.endpointId());
        if (existing != null) {
            if (!existing.request().equals(request)) {
                throw new DriverException(Reason.CONFLICT, "endpoint " + NetworkDriver.shortId(request.endpointId())
                        + " already exists with different settings");
            }
            return Optional.of(existing);
        }
        for (Endpoint other : endpoints.values()) {
            if (other.srcName().equals(srcName)) {
                throw new DriverException(Reason.CONFLICT, "interface name " + srcName + " of endpoint "
                        + NetworkDriver.shortId(request.endpointId()) + " is already used by endpoint "
                        + NetworkDriver.shortId(other.id()));
            }
        }
        return Optional.empty();
    }

    /** Adds an endpoint, or replaces the one with the same id (a join state change). */
    synchronized void putEndpoint(Endpoint endpoint) {
        endpoints.put(endpoint.id(), endpoint);
    }

    /**
     * Returns the endpoint with the given id on the given network.
     *
     * @throws DriverException with {@link Reason#NOT_FOUND} when there is none
     */
    synchronized Endpoint requireEndpoint(String networkId, String endpointId) {
        Endpoint endpoint = endpoints.get(endpointId);
        if (endpoint == null || !endpoint.networkId().equals(networkId)) {
            throw new DriverException(Reason.NOT_FOUND, "endpoint " + NetworkDriver.shortId(endpointId)
                    + " is not known to mdnp on network " + NetworkDriver.shortId(networkId));
        }
        return endpoint;
    }

    synchronized void removeEndpoint(String endpointId) {
        endpoints.remove(endpointId);
    }
}
