package dev.mdnp.daemon.inspect;

import dev.mdnp.model.inspect.ContainerRef;
import dev.mdnp.model.inspect.NameLookup;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link NameLookup} that answers with the names a test put in; unknown ids get {@code ""} and UNKNOWN. */
final class StubNameLookup implements NameLookup {

    private final Map<String, String> networks = new ConcurrentHashMap<>();
    private final Map<String, ContainerRef> containers = new ConcurrentHashMap<>();

    void network(String networkId, String name) {
        networks.put(networkId, name);
    }

    void container(String endpointId, ContainerRef container) {
        containers.put(endpointId, container);
    }

    @Override
    public String networkName(String networkId) {
        return networks.getOrDefault(networkId, "");
    }

    @Override
    public ContainerRef containerOf(String endpointId) {
        return containers.getOrDefault(endpointId, ContainerRef.UNKNOWN);
    }
}
