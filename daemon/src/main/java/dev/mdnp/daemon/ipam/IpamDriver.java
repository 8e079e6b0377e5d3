package dev.mdnp.daemon.ipam;

import dev.mdnp.daemon.ipam.IpamException.Reason;
import dev.mdnp.model.cnm.EmptyResponse;
import dev.mdnp.model.ipam.GetCapabilitiesResponse;
import dev.mdnp.model.ipam.GetDefaultAddressSpacesResponse;
import dev.mdnp.model.ipam.ReleaseAddressRequest;
import dev.mdnp.model.ipam.ReleasePoolRequest;
import dev.mdnp.model.ipam.RequestAddressRequest;
import dev.mdnp.model.ipam.RequestAddressResponse;
import dev.mdnp.model.ipam.RequestPoolRequest;
import dev.mdnp.model.ipam.RequestPoolResponse;

/**
 * The IPAM driver: one method per {@code IpamDriver.*} call of cnm-remote-api.md §3.
 *
 * <p>Docker registers it at activation (§1.2), so capabilities and address spaces are answered now; pools and
 * addresses are not allocated yet, and those calls fail with a message that tells the user what to use instead.
 * Thread-safe: it holds no state.
 */
public final class IpamDriver {

    /** The address space Docker passes back in RequestPool for local-scope networks. */
    public static final String LOCAL_ADDRESS_SPACE = "MdnpLocal";
    /** The address space Docker passes back in RequestPool for global-scope networks. */
    public static final String GLOBAL_ADDRESS_SPACE = "MdnpGlobal";

    private static final String NOT_YET = "mdnp's IPAM driver does not allocate addresses yet;"
            + " leave out --ipam-driver to use Docker's default IPAM";

    /** §3.1: no MAC needed; requests are replayed at dockerd start so that allocations survive its restarts. */
    public GetCapabilitiesResponse getCapabilities() {
        return new GetCapabilitiesResponse(false, true);
    }

    /** §3.2: mdnp's own address space names. */
    public GetDefaultAddressSpacesResponse getDefaultAddressSpaces() {
        return new GetDefaultAddressSpacesResponse(LOCAL_ADDRESS_SPACE, GLOBAL_ADDRESS_SPACE);
    }

    /** §3.3: not implemented yet. */
    public RequestPoolResponse requestPool(RequestPoolRequest request) {
        throw new IpamException(Reason.UNSUPPORTED, NOT_YET);
    }

    /** §3.4: nothing was allocated, so a release succeeds (releases must be tolerant, §3.4). */
    public EmptyResponse releasePool(ReleasePoolRequest request) {
        return EmptyResponse.EMPTY;
    }

    /** §3.5: not implemented yet. */
    public RequestAddressResponse requestAddress(RequestAddressRequest request) {
        throw new IpamException(Reason.UNSUPPORTED, NOT_YET);
    }

    /** §3.6: nothing was allocated, so a release succeeds (releases must be idempotent, §3.6). */
    public EmptyResponse releaseAddress(ReleaseAddressRequest request) {
        return EmptyResponse.EMPTY;
    }
}
