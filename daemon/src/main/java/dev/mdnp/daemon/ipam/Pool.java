package dev.mdnp.daemon.ipam;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.ipam.IpamException.Reason;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One allocated pool: its subnet, its optional sub-pool ({@code --ip-range}) and the addresses taken in it.
 *
 * <p>Addresses are kept as offsets from the network address. Offset 0, the network address, is never assignable;
 * for IPv4 neither is the last one, the broadcast address. Containers get addresses from the <em>range</em>: the
 * sub-pool when there is one, else the whole pool, searched from a cursor that moves past each address handed out,
 * so a released address is reused only after the rest of the range (a fresh address does not meet stale ARP or
 * neighbour entries). Specific addresses, the gateway and aux addresses may lie anywhere in the pool
 * ({@code cnm-remote-api.md} §3.5, §7.16).
 *
 * <p>Not thread-safe: guarded by the {@link IpamDriver}'s lock.
 */
final class Pool {

    private final PoolRecord record;
    private final Cidr cidr;
    private final @Nullable Cidr subPool;
    private final BigInteger usableLast;
    private final BigInteger rangeFirst;
    private final BigInteger rangeLast;
    private final HostAllocator hosts = new HostAllocator();
    private BigInteger cursor;

    /**
     * Creates an empty pool.
     *
     * @throws IpamException with {@link Reason#BAD_REQUEST} when the sub-pool holds no assignable address
     */
    Pool(String addressSpace, Cidr cidr, @Nullable Cidr subPool, Map<String, String> options) {
        this.cidr = requireNonNull(cidr, "cidr");
        this.subPool = subPool;
        this.record = new PoolRecord(idOf(addressSpace, cidr, subPool), addressSpace, cidr.toString(),
                subPool == null ? "" : subPool.toString(), options);
        BigInteger reservedAtEnd = cidr.version() == IpVersion.V4 ? BigInteger.TWO : BigInteger.ONE;
        this.usableLast = cidr.size().subtract(reservedAtEnd);
        BigInteger first = subPool == null ? BigInteger.ONE : subPool.first().subtract(cidr.first());
        BigInteger last = subPool == null ? usableLast : subPool.last().subtract(cidr.first());
        this.rangeFirst = first.max(BigInteger.ONE);
        this.rangeLast = last.min(usableLast);
        if (rangeFirst.compareTo(rangeLast) > 0) {
            throw new IpamException(Reason.BAD_REQUEST, "ip range " + subPool + " holds no assignable address of "
                    + cidr + " (it has only the network or broadcast address)");
        }
        this.cursor = rangeFirst;
    }

    /** Returns the pool id mdnp gives to a pool: {@code space/subnet}, or {@code space/subnet/sub-pool}. */
    static String idOf(String addressSpace, Cidr cidr, @Nullable Cidr subPool) {
        return addressSpace + "/" + cidr + (subPool == null ? "" : "/" + subPool);
    }

    String id() {
        return record.poolId();
    }

    Cidr cidr() {
        return cidr;
    }

    PoolRecord record() {
        return record;
    }

    /** Returns the pool and its range as users know them, for messages. */
    String describe() {
        return "pool " + id() + (subPool == null ? "" : " (ip range " + subPool + ")");
    }

    /**
     * Returns the offset of an address that may be assigned in this pool.
     *
     * @throws IpamException with {@link Reason#BAD_REQUEST} when the address is outside the pool or is its network
     *     or broadcast address
     */
    BigInteger assignableOffset(IpAddress address) {
        if (!cidr.contains(address)) {
            throw new IpamException(Reason.BAD_REQUEST, "address " + address + " is outside the subnet " + cidr
                    + " of " + describe());
        }
        BigInteger offset = address.value().subtract(cidr.first());
        if (offset.signum() == 0) {
            throw new IpamException(Reason.BAD_REQUEST, "address " + address + " is the network address of " + cidr
                    + " and cannot be assigned");
        }
        if (offset.compareTo(usableLast) > 0) {
            throw new IpamException(Reason.BAD_REQUEST, "address " + address + " is the broadcast address of "
                    + cidr + " and cannot be assigned");
        }
        return offset;
    }

    /** Returns the offset of the address if it is inside the pool and taken. */
    Optional<BigInteger> takenOffset(IpAddress address) {
        if (!cidr.contains(address)) {
            return Optional.empty();
        }
        BigInteger offset = address.value().subtract(cidr.first());
        return hosts.isTaken(offset) ? Optional.of(offset) : Optional.empty();
    }

    boolean isTaken(BigInteger offset) {
        return hosts.isTaken(offset);
    }

    /**
     * Returns the next free offset of the range, searched from the cursor.
     *
     * @throws IpamException with {@link Reason#EXHAUSTED} when every address of the range is taken
     */
    BigInteger nextInRange() {
        String range = subPool == null ? "" : "ip range " + subPool + " of ";
        BigInteger size = rangeLast.subtract(rangeFirst).add(BigInteger.ONE);
        return hosts.nextFree(rangeFirst, rangeLast, cursor).orElseThrow(() -> exhausted(range, size));
    }

    /**
     * Returns the lowest free assignable offset of the whole pool: the gateway's, usually {@code .1}.
     *
     * @throws IpamException with {@link Reason#EXHAUSTED} when every address of the pool is taken
     */
    BigInteger firstInPool() {
        return hosts.nextFree(BigInteger.ONE, usableLast, BigInteger.ONE).orElseThrow(() -> exhausted("", usableLast));
    }

    /** Takes an offset found by {@link #nextInRange()} and moves the cursor past it. */
    void takeNext(BigInteger offset) {
        hosts.take(offset);
        BigInteger next = offset.add(BigInteger.ONE);
        cursor = next.compareTo(rangeLast) > 0 ? rangeFirst : next;
    }

    /** Takes an assignable offset; the cursor stays. */
    void take(BigInteger offset) {
        hosts.take(offset);
    }

    void release(BigInteger offset) {
        hosts.free(offset);
    }

    long allocatedCount() {
        return hosts.count();
    }

    private IpamException exhausted(String part, BigInteger size) {
        return new IpamException(Reason.EXHAUSTED, "no free address left in " + part + "pool " + id() + ": all "
                + size + " assignable addresses are in use");
    }

    IpAddress addressAt(BigInteger offset) {
        return new IpAddress(cidr.version(), cidr.first().add(offset));
    }

    /** Returns the address at the offset with the pool's prefix, as Docker needs it (§3.5, §7.14). */
    String cidrTextAt(BigInteger offset) {
        return addressAt(offset) + "/" + cidr.prefixLength();
    }

    AddressRecord addressRecordAt(BigInteger offset) {
        return new AddressRecord(id(), addressAt(offset).toString());
    }

    /** Returns every taken address, lowest first. */
    List<AddressRecord> addressRecords() {
        return hosts.taken().stream().map(this::addressRecordAt).toList();
    }
}
