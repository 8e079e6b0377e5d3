package dev.mdnp.daemon.persistence;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.ipam.AddressRecord;
import dev.mdnp.daemon.ipam.IpamException;
import dev.mdnp.daemon.ipam.IpamJournal;
import dev.mdnp.daemon.ipam.PoolRecord;
import dev.mdnp.daemon.store.AllocationRow;
import dev.mdnp.daemon.store.PoolRow;
import dev.mdnp.daemon.store.StoreException;

/**
 * The IPAM's journal in the store: each call is one committed transaction, so a pool or address that Docker got
 * survives a crash, and one that was released stays free. A released pool's addresses go with it (the schema
 * cascades).
 */
public final class StoredIpamJournal implements IpamJournal {

    private final TimedStore store;
    private final RecordCodec codec;

    /** Creates a journal writing to {@code store}, encoding pool options with {@code codec}. */
    StoredIpamJournal(TimedStore store, RecordCodec codec) {
        this.store = requireNonNull(store, "store");
        this.codec = requireNonNull(codec, "codec");
    }

    @Override
    public void poolAllocated(PoolRecord pool) {
        PoolRow row = new PoolRow(pool.poolId(), pool.addressSpace(), pool.pool(), pool.subPool(),
                pool.pool().contains(":"), codec.encode(pool.options()));
        commit("record pool " + pool.poolId(), () -> store.commit(tx -> tx.pools().insert(row)));
    }

    @Override
    public void poolReleased(PoolRecord pool) {
        commit("record release of pool " + pool.poolId(),
                () -> store.commit(tx -> tx.pools().delete(pool.poolId())));
    }

    @Override
    public void addressAllocated(AddressRecord address) {
        AllocationRow row = new AllocationRow(address.poolId(), address.address());
        commit("record address " + address.address(),
                () -> store.commit(tx -> tx.allocations().insert(row)));
    }

    @Override
    public void addressReleased(AddressRecord address) {
        commit("record release of address " + address.address(),
                () -> store.commit(tx -> tx.allocations().delete(address.poolId(), address.address())));
    }

    /** Runs a store write, turning its failure into the IPAM error the journal contract asks for. */
    private static void commit(String what, Runnable write) {
        try {
            write.run();
        } catch (StoreException e) {
            throw new IpamException(IpamException.Reason.INTERNAL, "could not " + what + ": " + e.getMessage(), e);
        }
    }
}
