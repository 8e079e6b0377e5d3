package dev.mdnp.daemon.ipam;

import java.util.ArrayList;
import java.util.List;

/** A journal that remembers each call as a line such as {@code addressAllocated MdnpLocal/10.88.0.0/16 10.88.0.1}. */
final class RecordingIpamJournal implements IpamJournal {

    private final List<String> calls = new ArrayList<>();

    @Override
    public synchronized void poolAllocated(PoolRecord pool) {
        calls.add("poolAllocated " + pool.poolId());
    }

    @Override
    public synchronized void poolReleased(PoolRecord pool) {
        calls.add("poolReleased " + pool.poolId());
    }

    @Override
    public synchronized void addressAllocated(AddressRecord address) {
        calls.add("addressAllocated " + address.poolId() + " " + address.address());
    }

    @Override
    public synchronized void addressReleased(AddressRecord address) {
        calls.add("addressReleased " + address.poolId() + " " + address.address());
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }
}
