package dev.mdnp.daemon.names;

import static java.util.Objects.requireNonNull;

import dev.mdnp.model.inspect.ContainerRef;
import dev.mdnp.model.inspect.NameLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What mdnp knows of Docker's names: each network's name by id, and the container behind each endpoint (id, name,
 * aliases on the endpoint's network). Every change of what a network id or an endpoint id resolves to is reported
 * once, after the change is visible, to the listener for networks or for endpoints.
 *
 * <p>Thread safety: lookups may come from any thread and never wait; changes are serialized on {@code this} (in
 * practice one watcher thread makes them). The listeners are called on the changing thread and must be quick.
 */
public final class KnownNames implements NameLookup {

    private final Map<String, String> networks = new ConcurrentHashMap<>();
    private final Map<String, ContainerRef> endpoints = new ConcurrentHashMap<>();
    private final Consumer<String> networkNamed;
    private final Consumer<String> containerNamed;

    /**
     * Creates an empty book.
     *
     * @param networkNamed told the id of a network whose name changed (learned, changed, or forgotten)
     * @param containerNamed told the id of an endpoint whose container changed (learned, renamed, or forgotten)
     */
    public KnownNames(Consumer<String> networkNamed, Consumer<String> containerNamed) {
        this.networkNamed = requireNonNull(networkNamed, "networkNamed");
        this.containerNamed = requireNonNull(containerNamed, "containerNamed");
    }

    @Override
    public String networkName(String networkId) {
        return networks.getOrDefault(networkId, "");
    }

    @Override
    public ContainerRef containerOf(String endpointId) {
        return endpoints.getOrDefault(endpointId, ContainerRef.UNKNOWN);
    }

    /** Returns whether the network {@code networkId} is known by name. */
    public boolean knowsNetwork(String networkId) {
        return networks.containsKey(networkId);
    }

    /**
     * Replaces everything known with a fresh listing.
     *
     * @param networkNames the names by network id
     * @param containers the containers by endpoint id
     */
    public void replaceAll(Map<String, String> networkNames, Map<String, ContainerRef> containers) {
        List<String> changedNetworks;
        List<String> changedEndpoints;
        synchronized (this) {
            changedNetworks = replace(networks, networkNames);
            changedEndpoints = replace(endpoints, containers);
        }
        changedNetworks.forEach(networkNamed);
        changedEndpoints.forEach(containerNamed);
    }

    /** Records the name of the network {@code networkId}. */
    public void networkNamed(String networkId, String name) {
        String before;
        synchronized (this) {
            before = networks.put(networkId, name);
        }
        if (!name.equals(before)) {
            networkNamed.accept(networkId);
        }
    }

    /** Forgets the network {@code networkId}. */
    public void networkGone(String networkId) {
        String before;
        synchronized (this) {
            before = networks.remove(networkId);
        }
        if (before != null) {
            networkNamed.accept(networkId);
        }
    }

    /**
     * Records what the container {@code containerId} is attached with now, replacing what was known of it: an
     * endpoint of it that is not in {@code byEndpoint} is forgotten.
     *
     * @param byEndpoint the container, as each of its endpoints names it, by endpoint id
     */
    public void containerAttached(String containerId, Map<String, ContainerRef> byEndpoint) {
        List<String> changed;
        synchronized (this) {
            Map<String, ContainerRef> next = new ConcurrentHashMap<>(endpoints);
            next.values().removeIf(container -> container.id().equals(containerId));
            next.putAll(byEndpoint);
            changed = replace(endpoints, next);
        }
        changed.forEach(containerNamed);
    }

    /** Forgets the container {@code containerId} and its endpoints. */
    public void containerGone(String containerId) {
        containerAttached(containerId, Map.of());
    }

    /** Makes {@code current} equal to {@code next}; returns the keys whose value changed. Called holding the lock. */
    private static <V> List<String> replace(Map<String, V> current, Map<String, V> next) {
        Set<String> keys = new TreeSet<>(current.keySet());
        keys.addAll(next.keySet());
        List<String> changed = new ArrayList<>();
        for (String key : keys) {
            V value = next.get(key);
            V before = value == null ? current.remove(key) : current.put(key, value);
            if (!Objects.equals(before, value)) {
                changed.add(key);
            }
        }
        return changed;
    }
}
