package dev.mdnp.daemon.ipam;

import java.util.List;

/**
 * Every allocated pool and address at one moment: what {@link IpamDriver#snapshot()} returns and what a restarted
 * daemon passes to {@link IpamDriver#IpamDriver(DefaultPools, IpamJournal, IpamSnapshot)} to get its state back.
 *
 * @param pools the pools, in the order they were allocated
 * @param addresses the addresses, grouped by pool in the order of {@code pools}, lowest first
 */
public record IpamSnapshot(List<PoolRecord> pools, List<AddressRecord> addresses) {

    /** No pool and no address: the state of a first start. */
    public static final IpamSnapshot EMPTY = new IpamSnapshot(List.of(), List.of());

    /**
     * Copies the lists.
     *
     * @param pools the pools
     * @param addresses the addresses
     */
    public IpamSnapshot {
        pools = List.copyOf(pools);
        addresses = List.copyOf(addresses);
    }
}
