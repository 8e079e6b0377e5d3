package dev.mdnp.daemon.ipam;

import java.math.BigInteger;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The allocated pools, by id and by position. Pools never overlap, whatever their address space: all of mdnp's
 * networks live on one host and share its routing table, where two networks with overlapping subnets would
 * shadow each other.
 *
 * <p>Because pools are disjoint, sorting them by first address also sorts them by last address, so the one pool
 * that could overlap a subnet is the last one starting at or before the subnet's end: every check is O(log n).
 *
 * <p>Not thread-safe: guarded by the {@link IpamDriver}'s lock.
 */
final class PoolTable {

    private final Map<String, Pool> byId = new LinkedHashMap<>();
    private final Map<IpVersion, NavigableMap<BigInteger, Pool>> byStart = new EnumMap<>(IpVersion.class);

    PoolTable() {
        for (IpVersion version : IpVersion.values()) {
            byStart.put(version, new TreeMap<>());
        }
    }

    Optional<Pool> get(String poolId) {
        return Optional.ofNullable(byId.get(poolId));
    }

    /** Returns the allocated pool that shares an address with the subnet, if any. */
    Optional<Pool> overlapping(Cidr cidr) {
        Map.Entry<BigInteger, Pool> candidate = byStart.get(cidr.version()).floorEntry(cidr.last());
        if (candidate == null || candidate.getValue().cidr().last().compareTo(cidr.first()) < 0) {
            return Optional.empty();
        }
        return Optional.of(candidate.getValue());
    }

    /**
     * Returns the lowest block of the template that overlaps no allocated pool. Each step jumps past the pool in the
     * way, so the cost grows with the pools inside the template's range, not with the number of its blocks.
     */
    Optional<Cidr> firstFreeBlock(PoolTemplate template) {
        IpVersion version = template.version();
        BigInteger blockSize = BigInteger.ONE.shiftLeft(version.bits() - template.size());
        BigInteger candidate = template.base().first();
        while (candidate.add(blockSize).subtract(BigInteger.ONE).compareTo(template.base().last()) <= 0) {
            Cidr block = new Cidr(new IpAddress(version, candidate), template.size());
            Optional<Pool> inTheWay = overlapping(block);
            if (inTheWay.isEmpty()) {
                return Optional.of(block);
            }
            BigInteger after = inTheWay.get().cidr().last().add(BigInteger.ONE);
            candidate = after.add(blockSize).subtract(BigInteger.ONE).divide(blockSize).multiply(blockSize);
        }
        return Optional.empty();
    }

    void add(Pool pool) {
        byId.put(pool.id(), pool);
        byStart.get(pool.cidr().version()).put(pool.cidr().first(), pool);
    }

    void remove(Pool pool) {
        byId.remove(pool.id());
        byStart.get(pool.cidr().version()).remove(pool.cidr().first());
    }

    /** Returns the pools in the order they were allocated. */
    List<Pool> pools() {
        return List.copyOf(byId.values());
    }
}
