package dev.mdnp.daemon.persistence;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.driver.DriverState;
import dev.mdnp.daemon.ipam.IpamSnapshot;
import java.time.Instant;
import java.util.Map;

/**
 * What a start reads back from the store: the driver's networks and endpoints, the IPAM's pools and addresses, and
 * when each network was created.
 *
 * @param driverState the networks and endpoints, ready for the driver
 * @param ipam the pools and addresses, ready for the IPAM
 * @param networksCreatedAt when each network was created, by network id, to the millisecond
 */
public record RestoredState(DriverState driverState, IpamSnapshot ipam, Map<String, Instant> networksCreatedAt) {

    /** Validates the components and copies the map. */
    public RestoredState {
        requireNonNull(driverState, "driverState");
        requireNonNull(ipam, "ipam");
        networksCreatedAt = Map.copyOf(networksCreatedAt);
    }
}
