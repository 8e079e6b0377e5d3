package dev.mdnp.daemon.api;

import dev.mdnp.daemon.driver.NetworkDriver;
import dev.mdnp.model.cnm.AllocateNetworkRequest;
import dev.mdnp.model.cnm.CreateEndpointRequest;
import dev.mdnp.model.cnm.CreateNetworkRequest;
import dev.mdnp.model.cnm.DeleteEndpointRequest;
import dev.mdnp.model.cnm.DeleteNetworkRequest;
import dev.mdnp.model.cnm.DiscoveryNotification;
import dev.mdnp.model.cnm.EndpointOperInfoRequest;
import dev.mdnp.model.cnm.EndpointOperInfoResponse;
import dev.mdnp.model.cnm.FreeNetworkRequest;
import dev.mdnp.model.cnm.JoinRequest;
import dev.mdnp.model.cnm.LeaveRequest;
import dev.mdnp.model.cnm.ProgramExternalConnectivityRequest;
import dev.mdnp.model.cnm.RevokeExternalConnectivityRequest;
import java.util.Map;

/** The 14 {@code NetworkDriver.*} paths of cnm-remote-api.md §2, each declared and registered once. */
final class CnmRoutes {

    static final String GET_CAPABILITIES = "/NetworkDriver.GetCapabilities";
    static final String CREATE_NETWORK = "/NetworkDriver.CreateNetwork";
    static final String DELETE_NETWORK = "/NetworkDriver.DeleteNetwork";
    static final String ALLOCATE_NETWORK = "/NetworkDriver.AllocateNetwork";
    static final String FREE_NETWORK = "/NetworkDriver.FreeNetwork";
    static final String CREATE_ENDPOINT = "/NetworkDriver.CreateEndpoint";
    static final String DELETE_ENDPOINT = "/NetworkDriver.DeleteEndpoint";
    static final String ENDPOINT_OPER_INFO = "/NetworkDriver.EndpointOperInfo";
    static final String JOIN = "/NetworkDriver.Join";
    static final String LEAVE = "/NetworkDriver.Leave";
    static final String PROGRAM_EXTERNAL_CONNECTIVITY = "/NetworkDriver.ProgramExternalConnectivity";
    static final String REVOKE_EXTERNAL_CONNECTIVITY = "/NetworkDriver.RevokeExternalConnectivity";
    static final String DISCOVER_NEW = "/NetworkDriver.DiscoverNew";
    static final String DISCOVER_DELETE = "/NetworkDriver.DiscoverDelete";

    private CnmRoutes() {
    }

    static void register(RouteTable routes, NetworkDriver driver) {
        routes.post(GET_CAPABILITIES, routes.noArgs(driver::getCapabilities));
        routes.post(CREATE_NETWORK, routes.json(CreateNetworkRequest.class, driver::createNetwork));
        routes.post(DELETE_NETWORK, routes.json(DeleteNetworkRequest.class, driver::deleteNetwork));
        routes.post(ALLOCATE_NETWORK, routes.json(AllocateNetworkRequest.class, driver::allocateNetwork));
        routes.post(FREE_NETWORK, routes.json(FreeNetworkRequest.class, driver::freeNetwork));
        routes.post(CREATE_ENDPOINT, routes.json(CreateEndpointRequest.class, driver::createEndpoint));
        routes.post(DELETE_ENDPOINT, routes.json(DeleteEndpointRequest.class, driver::deleteEndpoint));
        // Docker asks for it after the join of a docker run or network connect; when a plugin restart cut the call
        // off, Docker resends it without its body (moby/moby#39331), and an error would fail the command with the
        // endpoint joined. Without ids it gets what an unknown endpoint gets: no operational data.
        routes.post(ENDPOINT_OPER_INFO, routes.json(EndpointOperInfoRequest.class, driver::endpointOperInfo),
                () -> new EndpointOperInfoResponse(Map.of()));
        routes.post(JOIN, routes.json(JoinRequest.class, driver::join));
        routes.post(LEAVE, routes.json(LeaveRequest.class, driver::leave));
        routes.post(PROGRAM_EXTERNAL_CONNECTIVITY,
                routes.json(ProgramExternalConnectivityRequest.class, driver::programExternalConnectivity));
        routes.post(REVOKE_EXTERNAL_CONNECTIVITY,
                routes.json(RevokeExternalConnectivityRequest.class, driver::revokeExternalConnectivity));
        routes.post(DISCOVER_NEW, routes.json(DiscoveryNotification.class, driver::discoverNew));
        routes.post(DISCOVER_DELETE, routes.json(DiscoveryNotification.class, driver::discoverDelete));
    }
}
