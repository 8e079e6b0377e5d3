package dev.mdnp.daemon.fuzz;

import java.util.List;

/**
 * The 21 paths of the plugin API (cnm-remote-api.md §1.2, §2, §3), as {@code api.PluginApi}, {@code api.CnmRoutes}
 * and {@code api.IpamRoutes} register them; the fuzzer checks at start that each one is served.
 */
final class Routes {

    static final String ACTIVATE = "/Plugin.Activate";
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
    static final String PROGRAM = "/NetworkDriver.ProgramExternalConnectivity";
    static final String REVOKE = "/NetworkDriver.RevokeExternalConnectivity";
    static final String DISCOVER_NEW = "/NetworkDriver.DiscoverNew";
    static final String DISCOVER_DELETE = "/NetworkDriver.DiscoverDelete";
    static final String IPAM_GET_CAPABILITIES = "/IpamDriver.GetCapabilities";
    static final String GET_DEFAULT_ADDRESS_SPACES = "/IpamDriver.GetDefaultAddressSpaces";
    static final String REQUEST_POOL = "/IpamDriver.RequestPool";
    static final String RELEASE_POOL = "/IpamDriver.ReleasePool";
    static final String REQUEST_ADDRESS = "/IpamDriver.RequestAddress";
    static final String RELEASE_ADDRESS = "/IpamDriver.ReleaseAddress";

    /** Every path, once. */
    static final List<String> ALL = List.of(ACTIVATE, GET_CAPABILITIES, CREATE_NETWORK, DELETE_NETWORK,
            ALLOCATE_NETWORK, FREE_NETWORK, CREATE_ENDPOINT, DELETE_ENDPOINT, ENDPOINT_OPER_INFO, JOIN, LEAVE, PROGRAM,
            REVOKE, DISCOVER_NEW, DISCOVER_DELETE, IPAM_GET_CAPABILITIES, GET_DEFAULT_ADDRESS_SPACES, REQUEST_POOL,
            RELEASE_POOL, REQUEST_ADDRESS, RELEASE_ADDRESS);

    private Routes() {
    }

    /** Returns true for the IpamDriver paths, whose 200 replies carry errors in {@code Error}, not {@code Err}. */
    static boolean isIpam(String route) {
        return route.startsWith("/IpamDriver.");
    }
}
