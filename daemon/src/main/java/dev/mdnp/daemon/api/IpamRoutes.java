package dev.mdnp.daemon.api;

import dev.mdnp.daemon.ipam.IpamDriver;
import dev.mdnp.model.ipam.ReleaseAddressRequest;
import dev.mdnp.model.ipam.ReleasePoolRequest;
import dev.mdnp.model.ipam.RequestAddressRequest;
import dev.mdnp.model.ipam.RequestPoolRequest;

/** The 6 {@code IpamDriver.*} paths of cnm-remote-api.md §3, each declared and registered once. */
final class IpamRoutes {

    static final String GET_CAPABILITIES = "/IpamDriver.GetCapabilities";
    static final String GET_DEFAULT_ADDRESS_SPACES = "/IpamDriver.GetDefaultAddressSpaces";
    static final String REQUEST_POOL = "/IpamDriver.RequestPool";
    static final String RELEASE_POOL = "/IpamDriver.ReleasePool";
    static final String REQUEST_ADDRESS = "/IpamDriver.RequestAddress";
    static final String RELEASE_ADDRESS = "/IpamDriver.ReleaseAddress";

    private IpamRoutes() {
    }

    static void register(RouteTable routes, IpamDriver ipam) {
        routes.post(GET_CAPABILITIES, routes.noArgs(ipam::getCapabilities));
        routes.post(GET_DEFAULT_ADDRESS_SPACES, routes.noArgs(ipam::getDefaultAddressSpaces));
        routes.post(REQUEST_POOL, routes.json(RequestPoolRequest.class, ipam::requestPool));
        routes.post(RELEASE_POOL, routes.json(ReleasePoolRequest.class, ipam::releasePool));
        routes.post(REQUEST_ADDRESS, routes.json(RequestAddressRequest.class, ipam::requestAddress));
        routes.post(RELEASE_ADDRESS, routes.json(ReleaseAddressRequest.class, ipam::releaseAddress));
    }
}
