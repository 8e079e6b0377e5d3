package dev.mdnp.daemon.ipam;

/**
 * The IPAM's journal: a synchronous commit hook. A journal, in mdnp, is the hook the driver calls on the calling
 * thread before a change becomes visible (in the driver's memory and to Docker); it makes the change durable or
 * refuses it. A throw means the change did not happen: the call fails and neither memory nor the store changes. It
 * is not a log that is replayed; the production journal ({@code persistence.StoredIpamJournal}) commits one SQLite
 * transaction per call, and {@link #NONE} keeps nothing.
 *
 * <p>The {@link IpamDriver} calls it before every change and applies the change in memory only when the call
 * returns. An implementation that commits each call to a store, in one transaction, before it returns gives "a 200
 * means it is durable"; if it throws, the exception reaches Docker and "a failed call changes nothing" holds in
 * memory as well as in the store.
 *
 * <p>Each Docker call that changes something makes exactly one journal call; repeats, replays and releases of
 * unknown ids make none. A released pool takes its remaining addresses with it in the one {@link #poolReleased}
 * call: no {@link #addressReleased} follows for them. At start, the recorded state goes back in through
 * {@link IpamSnapshot}; the journal is not called for it.
 *
 * <p>Called under the IPAM's lock, one call at a time, in the order the changes happen. An implementation should
 * be quick (it delays every IPAM call) and should throw an {@link IpamException} with
 * {@link IpamException.Reason#INTERNAL}, keeping the cause, when it cannot record a change.
 */
public interface IpamJournal {

    /** A journal that records nothing: state lives in memory only and is lost when the daemon stops. */
    IpamJournal NONE = new IpamJournal() {
        @Override
        public void poolAllocated(PoolRecord pool) {
        }

        @Override
        public void poolReleased(PoolRecord pool) {
        }

        @Override
        public void addressAllocated(AddressRecord address) {
        }

        @Override
        public void addressReleased(AddressRecord address) {
        }
    };

    /** Records a new pool, before {@code RequestPool} answers with it. */
    void poolAllocated(PoolRecord pool);

    /** Records that a pool and every address still taken in it are free, before {@code ReleasePool} answers. */
    void poolReleased(PoolRecord pool);

    /** Records a newly taken address, before {@code RequestAddress} answers with it. */
    void addressAllocated(AddressRecord address);

    /** Records that an address is free, before {@code ReleaseAddress} answers. */
    void addressReleased(AddressRecord address);
}
