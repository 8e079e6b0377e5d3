package dev.mdnp.daemon.store;

/**
 * A row of {@code allocations}: an address of a pool that is taken. Why it is taken (a gateway, an endpoint, an
 * {@code --aux-address}) is not recorded: the IPAM cannot tell, and nothing needs it.
 *
 * @param poolId the id of the pool, which must be in {@code pools}
 * @param address the address as the IPAM writes it; the IPAM must write one canonical form (no prefix length,
 *     {@link java.net.InetAddress#getHostAddress()} spelling), or the same address could be taken twice
 */
public record AllocationRow(String poolId, String address) {

    /** Validates the components. */
    public AllocationRow {
        Keys.nonEmpty(poolId, "poolId");
        Keys.nonEmpty(address, "address");
    }
}
