package dev.mdnp.daemon.driver;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.driver.DriverException.Reason;
import dev.mdnp.model.cnm.AllocateNetworkRequest;
import dev.mdnp.model.cnm.AllocateNetworkResponse;
import dev.mdnp.model.cnm.CreateEndpointRequest;
import dev.mdnp.model.cnm.CreateEndpointResponse;
import dev.mdnp.model.cnm.CreateNetworkRequest;
import dev.mdnp.model.cnm.DeleteEndpointRequest;
import dev.mdnp.model.cnm.DeleteNetworkRequest;
import dev.mdnp.model.cnm.DiscoveryNotification;
import dev.mdnp.model.cnm.EmptyResponse;
import dev.mdnp.model.cnm.EndpointOperInfoRequest;
import dev.mdnp.model.cnm.EndpointOperInfoResponse;
import dev.mdnp.model.cnm.FreeNetworkRequest;
import dev.mdnp.model.cnm.GetCapabilitiesResponse;
import dev.mdnp.model.cnm.InterfaceName;
import dev.mdnp.model.cnm.JoinRequest;
import dev.mdnp.model.cnm.JoinResponse;
import dev.mdnp.model.cnm.LeaveRequest;
import dev.mdnp.model.cnm.OptionKeys;
import dev.mdnp.model.cnm.ProgramExternalConnectivityRequest;
import dev.mdnp.model.cnm.RevokeExternalConnectivityRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CNM network driver: one method per {@code NetworkDriver.*} call of cnm-remote-api.md §2.
 *
 * <p>Thread-safe: Docker calls it concurrently; {@link DriverState} serialises changes. A call that throws changes
 * nothing. Deletes of unknown ids succeed, as Docker expects (§7.12).
 */
public final class NetworkDriver {

    private static final String CONTAINER_IFACE_PREFIX = "eth";

    private final DriverState state;

    /** Creates a driver over the given state. */
    public NetworkDriver(DriverState state) {
        this.state = requireNonNull(state, "state");
    }

    /** §2.1: networks are node-local. */
    public GetCapabilitiesResponse getCapabilities() {
        return new GetCapabilitiesResponse(GetCapabilitiesResponse.LOCAL, GetCapabilitiesResponse.LOCAL);
    }

    /** §2.2: remembers the network; a repeat with the same data succeeds, with different data fails. */
    public EmptyResponse createNetwork(CreateNetworkRequest request) {
        DockerIds.require("NetworkID", request.networkId());
        if (request.ipv4Data().isEmpty() && request.ipv6Data().isEmpty()) {
            throw new DriverException(Reason.BAD_REQUEST, "network " + shortId(request.networkId())
                    + " has no IPv4 or IPv6 pool; mdnp needs an IPAM driver that assigns one (not 'null')");
        }
        state.addNetwork(new Network(request, NetworkOptions.parse(request.options())));
        return EmptyResponse.EMPTY;
    }

    /** §2.3: forgets the network and any endpoints Docker left on it; unknown ids succeed. */
    public EmptyResponse deleteNetwork(DeleteNetworkRequest request) {
        state.removeNetwork(DockerIds.require("NetworkID", request.networkId()));
        return EmptyResponse.EMPTY;
    }

    /** §2.4: swarm managers only; the options are echoed so that every node receives them in CreateNetwork. */
    public AllocateNetworkResponse allocateNetwork(AllocateNetworkRequest request) {
        DockerIds.require("NetworkID", request.networkId());
        return new AllocateNetworkResponse(request.options());
    }

    /** §2.4: nothing was allocated cluster-wide, so nothing is freed. */
    public EmptyResponse freeNetwork(FreeNetworkRequest request) {
        DockerIds.require("NetworkID", request.networkId());
        return EmptyResponse.EMPTY;
    }

    /** §2.5: remembers the endpoint; replies with an empty Interface because Docker's values are kept. */
    public CreateEndpointResponse createEndpoint(CreateEndpointRequest request) {
        String endpointId = requireIds(request.networkId(), request.endpointId());
        state.addEndpoint(Endpoint.created(request, IfNames.containerSide(endpointId)));
        return CreateEndpointResponse.empty();
    }

    /** §2.8: forgets the endpoint; unknown ids succeed. */
    public EmptyResponse deleteEndpoint(DeleteEndpointRequest request) {
        state.removeEndpoint(requireIds(request.networkId(), request.endpointId()));
        return EmptyResponse.EMPTY;
    }

    /** §2.9: Docker ignores the value, so the reply is kept cheap. */
    public EndpointOperInfoResponse endpointOperInfo(EndpointOperInfoRequest request) {
        requireIds(request.networkId(), request.endpointId());
        return new EndpointOperInfoResponse(Map.of());
    }

    /**
     * §2.6: names the interface to move into the container and the gateways, so that Docker installs the default
     * route through the network and adds no docker_gwbridge NIC.
     */
    public JoinResponse join(JoinRequest request) {
        String networkId = DockerIds.require("NetworkID", request.networkId());
        String endpointId = DockerIds.require("EndpointID", request.endpointId());
        Network network = state.network(networkId).orElseThrow(() -> unknownNetwork(networkId));
        Endpoint endpoint = state.joinEndpoint(networkId, endpointId, request.sandboxKey());
        return new JoinResponse(
                new InterfaceName(endpoint.srcName(), containerPrefix(network)),
                network.gatewayIpv4().orElse(""),
                network.gatewayIpv6().orElse(""),
                List.of(),
                false);
    }

    /** §2.7: marks the endpoint left; unknown ids succeed. */
    public EmptyResponse leave(LeaveRequest request) {
        state.leaveEndpoint(requireIds(request.networkId(), request.endpointId()));
        return EmptyResponse.EMPTY;
    }

    /** §2.10: port publishing is not implemented yet, so a request to publish ports fails instead of being lost. */
    public EmptyResponse programExternalConnectivity(ProgramExternalConnectivityRequest request) {
        requireIds(request.networkId(), request.endpointId());
        Object portMap = request.options().get(OptionKeys.PORT_MAP);
        if (portMap instanceof List<?> bindings && !bindings.isEmpty()) {
            throw new DriverException(Reason.UNSUPPORTED,
                    "publishing ports (-p, -P) on mdnp networks is not supported yet");
        }
        return EmptyResponse.EMPTY;
    }

    /** §2.10: nothing was programmed, so nothing is revoked; succeeds also without a prior Program. */
    public EmptyResponse revokeExternalConnectivity(RevokeExternalConnectivityRequest request) {
        requireIds(request.networkId(), request.endpointId());
        return EmptyResponse.EMPTY;
    }

    /** §2.11: node discovery matters only to multi-host drivers; acknowledged. */
    public EmptyResponse discoverNew(DiscoveryNotification notification) {
        return EmptyResponse.EMPTY;
    }

    /** §2.11: node discovery matters only to multi-host drivers; acknowledged. */
    public EmptyResponse discoverDelete(DiscoveryNotification notification) {
        return EmptyResponse.EMPTY;
    }

    /** Checks both ids of an endpoint call and returns the endpoint id. */
    private static String requireIds(String networkId, String endpointId) {
        DockerIds.require("NetworkID", networkId);
        return DockerIds.require("EndpointID", endpointId);
    }

    private static String containerPrefix(Network network) {
        String prefix = network.options().generic().get(OptionKeys.CONTAINER_IFACE_PREFIX);
        return Optional.ofNullable(prefix).filter(p -> !p.isBlank()).orElse(CONTAINER_IFACE_PREFIX);
    }

    static DriverException unknownNetwork(String networkId) {
        return new DriverException(Reason.NOT_FOUND, "network " + shortId(networkId)
                + " is not known to mdnp; remove it with 'docker network rm' and create it again");
    }

    static String shortId(String id) {
        return DockerIds.shortId(id);
    }
}
