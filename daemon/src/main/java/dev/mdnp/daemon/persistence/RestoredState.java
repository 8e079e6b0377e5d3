package dev.mdnp.daemon.persistence;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.driver.DriverState;
import dev.mdnp.daemon.ipam.IpamSnapshot;

/**
 * What a start reads back from the store: the driver's networks and endpoints, and the IPAM's pools and addresses.
 *
 * @param driverState the networks and endpoints, ready for the driver
 * @param ipam the pools and addresses, ready for the IPAM
 */
public record RestoredState(DriverState driverState, IpamSnapshot ipam) {

    /** Validates the components. */
    public RestoredState {
        requireNonNull(driverState, "driverState");
        requireNonNull(ipam, "ipam");
    }
}
