package dev.mdnp.model.inspect;

import static java.util.Objects.requireNonNull;

/**
 * An address pool mdnp's IPAM holds, with its use, as {@code /v1/ipam/pools} shows it.
 *
 * @param poolId the id Docker was given
 * @param addressSpace the address space
 * @param pool the subnet in CIDR form
 * @param subPool the range addresses come from ({@code --ip-range}), {@code ""} for the whole subnet
 * @param used how many addresses are taken, the gateway included
 * @param free how many assignable addresses are still free (capped at {@link Long#MAX_VALUE} for huge IPv6 pools)
 */
public record PoolView(String poolId, String addressSpace, String pool, String subPool, long used, long free) {

    /** Validates the components. */
    public PoolView {
        requireNonNull(poolId, "poolId");
        requireNonNull(addressSpace, "addressSpace");
        requireNonNull(pool, "pool");
        requireNonNull(subPool, "subPool");
    }
}
