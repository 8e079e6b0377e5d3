package dev.mdnp.daemon.ipam;

import dev.mdnp.daemon.ipam.IpamException.Reason;

/** A journal whose store is broken: every call fails as a store adapter would report it. */
final class FailingIpamJournal implements IpamJournal {

    @Override
    public void poolAllocated(PoolRecord pool) {
        throw fail("pool " + pool.poolId());
    }

    @Override
    public void poolReleased(PoolRecord pool) {
        throw fail("release of pool " + pool.poolId());
    }

    @Override
    public void addressAllocated(AddressRecord address) {
        throw fail("address " + address.address());
    }

    @Override
    public void addressReleased(AddressRecord address) {
        throw fail("release of address " + address.address());
    }

    private static IpamException fail(String what) {
        return new IpamException(Reason.INTERNAL, "could not record " + what + ": disk I/O error");
    }
}
