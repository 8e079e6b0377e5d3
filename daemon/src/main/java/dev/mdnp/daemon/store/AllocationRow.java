package dev.mdnp.daemon.store;

import static java.util.Objects.requireNonNull;

/**
 * A row of {@code allocations}: an address of a pool that is taken.
 *
 * @param poolId the id of the pool, which must be in {@code pools}
 * @param address the address as the IPAM writes it; the IPAM must write one canonical form (no prefix length,
 *     {@link java.net.InetAddress#getHostAddress()} spelling), or the same address could be taken twice
 * @param kind why the address is taken
 */
public record AllocationRow(String poolId, String address, AllocationKind kind) {

    /** Validates the components. */
    public AllocationRow {
        Keys.nonEmpty(poolId, "poolId");
        Keys.nonEmpty(address, "address");
        requireNonNull(kind, "kind");
    }
}
