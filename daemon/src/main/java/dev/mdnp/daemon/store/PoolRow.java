package dev.mdnp.daemon.store;

import static java.util.Objects.requireNonNull;

/**
 * A row of {@code pools}: an address pool the IPAM handed out. The store keeps the options as JSON text and never
 * parses them. (mdnp's IPAM returns no pool data to Docker, so there is none to keep.)
 *
 * @param id the pool id the IPAM returned to Docker
 * @param addressSpace the address space the pool belongs to
 * @param poolCidr the pool, in CIDR form
 * @param subPoolCidr the range addresses are allocated from, in CIDR form, "" for the whole pool
 * @param v6 whether it is an IPv6 pool
 * @param optionsJson the options Docker sent with RequestPool, as JSON text
 */
public record PoolRow(
        String id,
        String addressSpace,
        String poolCidr,
        String subPoolCidr,
        boolean v6,
        String optionsJson) {

    /** Validates the components. */
    public PoolRow {
        Keys.nonEmpty(id, "id");
        requireNonNull(addressSpace, "addressSpace");
        Keys.nonEmpty(poolCidr, "poolCidr");
        requireNonNull(subPoolCidr, "subPoolCidr");
        requireNonNull(optionsJson, "optionsJson");
    }
}
