package dev.mdnp.inspector.client;

import dev.mdnp.model.inspect.PoolView;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The IPAM pools of a replayed session and the addresses taken from them, rebuilt from {@code RequestPool},
 * {@code ReleasePool}, {@code RequestAddress} and {@code ReleaseAddress} calls (cnm-remote-api.md §3.3–3.6). Free
 * counts follow the daemon's rule: the assignable addresses of the sub-pool (or of the pool, without its network
 * address and, for IPv4, its broadcast address) less those taken inside it. Not thread-safe: its owner serialises.
 */
final class ReplayPools {

    /** Only these are parsed as addresses, so that nothing in a recording can start a DNS lookup. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final Map<String, Pool> pools = new LinkedHashMap<>();
    private final Map<String, Set<String>> taken = new LinkedHashMap<>();

    /** Records a pool Docker was given; returns whether it is new. */
    boolean requestPool(String poolId, String addressSpace, String pool, String subPool) {
        if (pools.putIfAbsent(poolId, new Pool(addressSpace, pool, subPool)) != null) {
            return false;
        }
        taken.put(poolId, new LinkedHashSet<>());
        return true;
    }

    /** Forgets a pool; returns whether it was known. */
    boolean releasePool(String poolId) {
        taken.remove(poolId);
        return pools.remove(poolId) != null;
    }

    /** Marks an address, bare or in CIDR form, as taken from a pool; returns whether that changed anything. */
    boolean requestAddress(String poolId, String address) {
        Set<String> addresses = taken.get(poolId);
        return addresses != null && !address.isEmpty() && addresses.add(bare(address));
    }

    /** Marks an address, bare or in CIDR form, as free again; returns whether that changed anything. */
    boolean releaseAddress(String poolId, String address) {
        Set<String> addresses = taken.get(poolId);
        return addresses != null && addresses.remove(bare(address));
    }

    /** Forgets every pool and address. */
    void clear() {
        pools.clear();
        taken.clear();
    }

    /** Returns one view per pool, in the order they were requested. */
    List<PoolView> views() {
        List<PoolView> views = new ArrayList<>();
        pools.forEach((id, pool) -> views.add(new PoolView(id, pool.addressSpace(), pool.pool(), pool.subPool(),
                taken.get(id).size(), free(pool, taken.get(id)))));
        return views;
    }

    private static long free(Pool pool, Set<String> addresses) {
        Optional<Range> cidr = Range.of(pool.pool());
        Optional<Range> range = pool.subPool().isEmpty() ? cidr : Range.of(pool.subPool());
        if (cidr.isEmpty() || range.isEmpty()) {
            return 0;
        }
        BigInteger usableFirst = cidr.get().first().add(BigInteger.ONE);
        BigInteger usableLast = cidr.get().v4() ? cidr.get().last().subtract(BigInteger.ONE) : cidr.get().last();
        BigInteger first = range.get().first().max(usableFirst);
        BigInteger last = range.get().last().min(usableLast);
        if (first.compareTo(last) > 0) {
            return 0;
        }
        long inRange = addresses.stream()
                .map(ReplayPools::value)
                .flatMap(Optional::stream)
                .filter(a -> a.compareTo(first) >= 0 && a.compareTo(last) <= 0)
                .count();
        return last.subtract(first).add(BigInteger.ONE).subtract(BigInteger.valueOf(inRange))
                .max(BigInteger.ZERO).min(LONG_MAX).longValueExact();
    }

    private static String bare(String address) {
        int slash = address.indexOf('/');
        return slash < 0 ? address : address.substring(0, slash);
    }

    private static Optional<BigInteger> value(String address) {
        return bytes(address).map(b -> new BigInteger(1, b));
    }

    private static Optional<byte[]> bytes(String address) {
        if (!IP_LITERAL.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty(); // not an address after all: counted as taken, but in no range
        }
    }

    /** A pool as requested. */
    private record Pool(String addressSpace, String pool, String subPool) {
    }

    /** The first and last address of a CIDR, as numbers. */
    private record Range(BigInteger first, BigInteger last, boolean v4) {

        static Optional<Range> of(String cidr) {
            int slash = cidr.indexOf('/');
            if (slash < 0) {
                return Optional.empty();
            }
            Optional<byte[]> bytes = bytes(cidr.substring(0, slash));
            if (bytes.isEmpty()) {
                return Optional.empty();
            }
            int bits = bytes.get().length * 8;
            int prefix;
            try {
                prefix = Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (prefix < 0 || prefix > bits) {
                return Optional.empty();
            }
            BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
            BigInteger first = new BigInteger(1, bytes.get()).andNot(hostMask);
            return Optional.of(new Range(first, first.or(hostMask), bits == 32));
        }
    }
}
