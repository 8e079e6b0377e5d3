package dev.mdnp.daemon.ipam;

import static java.util.Objects.requireNonNull;

/**
 * An allocated address as the journal records it and as a restore reads it back: plain text, ready for a store row.
 *
 * @param poolId the id of the pool it was taken from
 * @param address the bare address in canonical form, such as {@code 10.88.5.77} or {@code fd88::2}
 */
public record AddressRecord(String poolId, String address) {

    /**
     * Checks that no component is absent.
     *
     * @param poolId the id of the pool it was taken from
     * @param address the bare address
     */
    public AddressRecord {
        requireNonNull(poolId, "poolId");
        requireNonNull(address, "address");
    }
}
