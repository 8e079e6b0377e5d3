package dev.mdnp.daemon.ipam;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * An allocated pool as the journal records it and as a restore reads it back: plain text, ready for a store row.
 *
 * @param poolId the id Docker was given, such as {@code MdnpLocal/10.88.0.0/16/10.88.5.0/24}
 * @param addressSpace {@link IpamDriver#LOCAL_ADDRESS_SPACE} or {@link IpamDriver#GLOBAL_ADDRESS_SPACE}
 * @param pool the subnet in canonical CIDR notation, such as {@code 10.88.0.0/16}
 * @param subPool the sub-pool ({@code --ip-range}) in canonical CIDR notation, or {@code ""} when there is none
 * @param options the {@code --ipam-opt} map Docker sent when the pool was allocated; kept for the record, mdnp
 *     reads none
 */
public record PoolRecord(
        String poolId, String addressSpace, String pool, String subPool, Map<String, String> options) {

    /**
     * Checks that no component is absent and copies the options.
     *
     * @param poolId the id Docker was given
     * @param addressSpace the address space
     * @param pool the subnet
     * @param subPool the sub-pool, or {@code ""}
     * @param options the {@code --ipam-opt} map
     */
    public PoolRecord {
        requireNonNull(poolId, "poolId");
        requireNonNull(addressSpace, "addressSpace");
        requireNonNull(pool, "pool");
        requireNonNull(subPool, "subPool");
        options = Map.copyOf(options);
    }
}
