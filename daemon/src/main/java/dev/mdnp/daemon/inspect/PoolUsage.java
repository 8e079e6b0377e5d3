package dev.mdnp.daemon.inspect;

import dev.mdnp.daemon.ipam.AddressRecord;
import dev.mdnp.daemon.ipam.Cidr;
import dev.mdnp.daemon.ipam.IpAddress;
import dev.mdnp.daemon.ipam.IpVersion;
import dev.mdnp.daemon.ipam.IpamSnapshot;
import dev.mdnp.daemon.ipam.PoolRecord;
import dev.mdnp.model.inspect.PoolView;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an IPAM snapshot into {@link PoolView}s: how many addresses each pool has taken and how many assignable
 * ones are left. Assignable are the addresses of the range (the sub-pool, else the whole pool) except the pool's
 * network address and, for IPv4, its broadcast address, as the IPAM hands them out; {@code free} is that count less
 * the taken addresses inside the range. {@code used} counts every taken address, the gateway and addresses outside
 * the range included.
 */
final class PoolUsage {

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private PoolUsage() {
    }

    /** Returns one view per pool, in the snapshot's order. */
    static List<PoolView> views(IpamSnapshot snapshot) {
        Map<String, List<IpAddress>> taken = new HashMap<>();
        for (AddressRecord address : snapshot.addresses()) {
            taken.computeIfAbsent(address.poolId(), id -> new ArrayList<>()).add(IpAddress.parse(address.address()));
        }
        List<PoolView> views = new ArrayList<>();
        for (PoolRecord pool : snapshot.pools()) {
            views.add(view(pool, taken.getOrDefault(pool.poolId(), List.of())));
        }
        return views;
    }

    private static PoolView view(PoolRecord pool, List<IpAddress> taken) {
        Cidr cidr = Cidr.parse(pool.pool());
        BigInteger usableFirst = cidr.first().add(BigInteger.ONE);
        BigInteger usableLast = cidr.version() == IpVersion.V4 ? cidr.last().subtract(BigInteger.ONE) : cidr.last();
        Cidr range = pool.subPool().isEmpty() ? cidr : Cidr.parse(pool.subPool());
        BigInteger first = range.first().max(usableFirst);
        BigInteger last = range.last().min(usableLast);
        BigInteger assignable = first.compareTo(last) > 0 ? BigInteger.ZERO : last.subtract(first).add(BigInteger.ONE);
        long inRange = taken.stream()
                .filter(a -> a.value().compareTo(first) >= 0 && a.value().compareTo(last) <= 0)
                .count();
        BigInteger free = assignable.subtract(BigInteger.valueOf(inRange)).max(BigInteger.ZERO).min(LONG_MAX);
        return new PoolView(pool.poolId(), pool.addressSpace(), pool.pool(), pool.subPool(), taken.size(),
                free.longValueExact());
    }
}
