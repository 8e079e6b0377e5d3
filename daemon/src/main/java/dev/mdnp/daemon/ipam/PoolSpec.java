package dev.mdnp.daemon.ipam;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.ipam.IpamException.Reason;
import dev.mdnp.model.ipam.RequestPoolRequest;
import org.jspecify.annotations.Nullable;

/**
 * A checked {@code RequestPool} ({@code cnm-remote-api.md} §3.3): a known address space, the IP version, and the
 * wanted subnet and sub-pool, or no subnet when mdnp is to choose one.
 *
 * @param addressSpace {@link IpamDriver#LOCAL_ADDRESS_SPACE} or {@link IpamDriver#GLOBAL_ADDRESS_SPACE}
 * @param version the IP version, from Docker's {@code V6} flag
 * @param pool the {@code --subnet}, or {@code null} for an automatic pool
 * @param subPool the {@code --ip-range}, or {@code null}; never set without {@code pool}
 */
record PoolSpec(String addressSpace, IpVersion version, @Nullable Cidr pool, @Nullable Cidr subPool) {

    PoolSpec {
        requireNonNull(addressSpace, "addressSpace");
        requireNonNull(version, "version");
    }

    /**
     * Checks a request.
     *
     * @throws IpamException with {@link Reason#BAD_REQUEST} for an unknown address space, an invalid or too small
     *     subnet, a sub-pool without a pool or outside it, or a {@code V6} flag that does not match the subnet
     */
    static PoolSpec of(RequestPoolRequest request) {
        IpVersion version = request.v6() ? IpVersion.V6 : IpVersion.V4;
        return of(request.addressSpace(), request.pool(), request.subPool(), version);
    }

    /** Checks the fields of a request or of a stored pool; see {@link #of(RequestPoolRequest)}. */
    static PoolSpec of(String addressSpace, String poolText, String subPoolText, IpVersion version) {
        boolean known = addressSpace.equals(IpamDriver.LOCAL_ADDRESS_SPACE)
                || addressSpace.equals(IpamDriver.GLOBAL_ADDRESS_SPACE);
        if (!known) {
            throw bad("unknown address space \"" + addressSpace + "\"; mdnp's are "
                    + IpamDriver.LOCAL_ADDRESS_SPACE + " and " + IpamDriver.GLOBAL_ADDRESS_SPACE);
        }
        if (poolText.isEmpty()) {
            if (!subPoolText.isEmpty()) {
                throw bad("ip range " + subPoolText + " given without a subnet; add --subnet");
            }
            return new PoolSpec(addressSpace, version, null, null);
        }
        Cidr pool = cidr("subnet", poolText);
        if (pool.version() != version) {
            throw bad("subnet " + pool + " is " + pool.version().label() + " but Docker asked for an "
                    + version.label() + " pool");
        }
        if (pool.prefixLength() > version.maxPoolPrefix()) {
            throw bad("subnet " + pool + " is too small: an " + version.label()
                    + " subnet needs at least two assignable addresses (/" + version.maxPoolPrefix() + " or larger)");
        }
        Cidr subPool = subPoolText.isEmpty() ? null : cidr("ip range", subPoolText);
        if (subPool != null && !pool.contains(subPool)) {
            throw bad("ip range " + subPool + " is not inside the subnet " + pool);
        }
        return new PoolSpec(addressSpace, version, pool, subPool);
    }

    private static Cidr cidr(String what, String text) {
        try {
            return Cidr.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IpamException(Reason.BAD_REQUEST, "invalid " + what + ": " + e.getMessage(), e);
        }
    }

    private static IpamException bad(String message) {
        return new IpamException(Reason.BAD_REQUEST, message);
    }
}
