package dev.mdnp.daemon.ipam;

import dev.mdnp.model.cnm.OptionKeys;
import dev.mdnp.model.ipam.ReleaseAddressRequest;
import dev.mdnp.model.ipam.ReleasePoolRequest;
import dev.mdnp.model.ipam.RequestAddressRequest;
import dev.mdnp.model.ipam.RequestPoolRequest;
import java.util.Map;

/** Builds the IPAM requests of the tests as Docker sends them (cnm-remote-api.md §3.3-§3.6). */
final class IpamRequests {

    static final String LOCAL = IpamDriver.LOCAL_ADDRESS_SPACE;

    private IpamRequests() {
    }

    static RequestPoolRequest pool(String pool) {
        return new RequestPoolRequest(LOCAL, pool, "", Map.of(), pool.contains(":"));
    }

    static RequestPoolRequest pool(String pool, String subPool) {
        return new RequestPoolRequest(LOCAL, pool, subPool, Map.of(), pool.contains(":"));
    }

    static RequestPoolRequest automaticV4() {
        return new RequestPoolRequest(LOCAL, "", "", Map.of(), false);
    }

    static RequestPoolRequest automaticV6() {
        return new RequestPoolRequest(LOCAL, "", "", Map.of(), true);
    }

    /** A container endpoint or aux address: {@code Options: null}. */
    static RequestAddressRequest address(String poolId, String address) {
        return new RequestAddressRequest(poolId, address, null);
    }

    static RequestAddressRequest gateway(String poolId, String address) {
        return new RequestAddressRequest(poolId, address,
                Map.of(OptionKeys.REQUEST_ADDRESS_TYPE, OptionKeys.GATEWAY_ADDRESS_TYPE));
    }

    /** A container endpoint when the IPAM requires MACs: the request carries the MAC. */
    static RequestAddressRequest startingContainer(String poolId, String address) {
        return new RequestAddressRequest(poolId, address, Map.of(OptionKeys.ENDPOINT_MAC_ADDRESS, "02:42:e8:cd:0a:50"));
    }

    static ReleaseAddressRequest release(String poolId, String address) {
        return new ReleaseAddressRequest(poolId, address);
    }

    static ReleasePoolRequest releasePool(String poolId) {
        return new ReleasePoolRequest(poolId);
    }
}
