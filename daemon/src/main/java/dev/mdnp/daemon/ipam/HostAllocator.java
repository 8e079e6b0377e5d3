package dev.mdnp.daemon.ipam;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The taken host offsets of one pool, kept as sorted runs of consecutive offsets.
 *
 * <p>Each run maps its first offset to its last; runs never touch, so a taken run is always followed by a free
 * offset. Every operation is one or two lookups in a red-black tree: O(log r) for r runs, whatever the size of the
 * pool (a /16 or a /64 alike). Addresses handed out one after the other grow a single run, so 60,000 sequential
 * allocations are one entry; the memory used grows with the number of gaps, not with the size of the pool.
 *
 * <p>Not thread-safe: its {@link Pool} is guarded by the {@link IpamDriver}'s lock.
 */
final class HostAllocator {

    private final TreeMap<BigInteger, BigInteger> runs = new TreeMap<>();
    private long count;

    /** Returns true when the offset is taken. */
    boolean isTaken(BigInteger offset) {
        Map.Entry<BigInteger, BigInteger> run = runs.floorEntry(offset);
        return run != null && run.getValue().compareTo(offset) >= 0;
    }

    /** Returns how many offsets are taken. */
    long count() {
        return count;
    }

    /**
     * Returns the first free offset in {@code [from, last]}, else the first free one in {@code [first, from)}: a
     * search that starts at a cursor and wraps around once.
     *
     * @param first the lowest offset that may be returned
     * @param last the highest offset that may be returned
     * @param from where the search starts, within {@code [first, last]}
     * @return the offset, or empty when every offset in {@code [first, last]} is taken
     */
    Optional<BigInteger> nextFree(BigInteger first, BigInteger last, BigInteger from) {
        BigInteger candidate = firstFreeFrom(from);
        if (candidate.compareTo(last) <= 0) {
            return Optional.of(candidate);
        }
        candidate = firstFreeFrom(first);
        return candidate.compareTo(from) < 0 ? Optional.of(candidate) : Optional.empty();
    }

    /**
     * Marks the offset taken, joining it to the runs next to it.
     *
     * @throws IllegalStateException if it is already taken (the caller checks first)
     */
    void take(BigInteger offset) {
        if (isTaken(offset)) {
            throw new IllegalStateException("offset " + offset + " is already taken");
        }
        BigInteger start = offset;
        BigInteger end = offset;
        Map.Entry<BigInteger, BigInteger> before = runs.lowerEntry(offset);
        if (before != null && before.getValue().add(BigInteger.ONE).equals(offset)) {
            start = before.getKey();
        }
        BigInteger afterEnd = runs.remove(offset.add(BigInteger.ONE));
        if (afterEnd != null) {
            end = afterEnd;
        }
        runs.put(start, end);
        count++;
    }

    /** Marks the offset free, splitting its run; returns false when it was not taken. */
    boolean free(BigInteger offset) {
        Map.Entry<BigInteger, BigInteger> run = runs.floorEntry(offset);
        if (run == null || run.getValue().compareTo(offset) < 0) {
            return false;
        }
        runs.remove(run.getKey());
        if (run.getKey().compareTo(offset) < 0) {
            runs.put(run.getKey(), offset.subtract(BigInteger.ONE));
        }
        if (run.getValue().compareTo(offset) > 0) {
            runs.put(offset.add(BigInteger.ONE), run.getValue());
        }
        count--;
        return true;
    }

    /** Returns every taken offset in ascending order; its size is {@link #count()}. */
    List<BigInteger> taken() {
        List<BigInteger> offsets = new ArrayList<>();
        runs.forEach((start, end) -> {
            for (BigInteger offset = start; offset.compareTo(end) <= 0; offset = offset.add(BigInteger.ONE)) {
                offsets.add(offset);
            }
        });
        return offsets;
    }

    /** The offset itself when free, else the one just after the run that holds it. */
    private BigInteger firstFreeFrom(BigInteger offset) {
        Map.Entry<BigInteger, BigInteger> run = runs.floorEntry(offset);
        return run != null && run.getValue().compareTo(offset) >= 0 ? run.getValue().add(BigInteger.ONE) : offset;
    }
}
