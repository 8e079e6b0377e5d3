package dev.mdnp.daemon.cli;

import static java.util.Objects.requireNonNull;

import dev.mdnp.model.client.InspectClient;
import dev.mdnp.model.inspect.ContainerRef;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.NameLookup;
import dev.mdnp.model.inspect.NetworkView;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Docker's names as a running daemon serves them ({@code /v1/networks}, {@code /v1/endpoints}), read at
 * {@link #refresh()}: what lets {@code mdnp log --filter} match {@code net:front} and {@code container:web}.
 *
 * <p>Thread safety: lookups may come from any thread; each sees one whole reading.
 */
final class DaemonNames implements NameLookup {

    private final InspectClient client;
    private volatile Reading reading = new Reading(Map.of(), Map.of());

    DaemonNames(InspectClient client) {
        this.client = requireNonNull(client, "client");
    }

    /**
     * Reads the daemon's networks and endpoints again.
     *
     * @throws dev.mdnp.model.client.InspectException if the daemon cannot be asked
     */
    void refresh() {
        Map<String, String> networks = client.networks().stream()
                .collect(Collectors.toUnmodifiableMap(NetworkView::id, NetworkView::name));
        Map<String, ContainerRef> containers = client.endpoints().stream()
                .collect(Collectors.toUnmodifiableMap(EndpointView::id, EndpointView::container));
        reading = new Reading(networks, containers);
    }

    @Override
    public String networkName(String networkId) {
        return reading.networks().getOrDefault(networkId, "");
    }

    @Override
    public ContainerRef containerOf(String endpointId) {
        return reading.containers().getOrDefault(endpointId, ContainerRef.UNKNOWN);
    }

    /** One reading of the daemon: names by network id, containers by endpoint id. */
    private record Reading(Map<String, String> networks, Map<String, ContainerRef> containers) {
    }
}
