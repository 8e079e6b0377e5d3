package dev.mdnp.inspector.model;

import static java.util.Objects.requireNonNull;

import dev.mdnp.model.inspect.ContainerRef;

/**
 * What a recorded call was about, as far as the inspector knows: its network and endpoint (an IPAM call's derived
 * from its pool and address), Docker's names for them, and an IPAM call's pool and address.
 *
 * @param networkId the call's network id, or the network whose pool an IPAM call used; {@code ""} when unknown
 * @param networkName Docker's name of that network, {@code ""} when unknown
 * @param endpointId the call's endpoint id, or the endpoint an IPAM call's address served; {@code ""} when unknown
 * @param container the container of that endpoint, {@link ContainerRef#UNKNOWN} when unknown
 * @param pool an IPAM call's pool in CIDR form (its pool id when the subnet is not known), {@code ""} otherwise
 * @param address an IPAM call's address without its prefix length, {@code ""} otherwise
 * @param gateway whether the address is the network's gateway (a RequestAddress of type gateway)
 */
public record CallContext(String networkId, String networkName, String endpointId, ContainerRef container,
        String pool, String address, boolean gateway) {

    /** Nothing known. */
    public static final CallContext NONE = new CallContext("", "", "", ContainerRef.UNKNOWN, "", "", false);

    /** Validates the components. */
    public CallContext {
        requireNonNull(networkId, "networkId");
        requireNonNull(networkName, "networkName");
        requireNonNull(endpointId, "endpointId");
        requireNonNull(container, "container");
        requireNonNull(pool, "pool");
        requireNonNull(address, "address");
    }

    /** Returns the network as a person knows it: Docker's name, else the short id, else {@code ""}. */
    public String networkLabel() {
        return networkName.isEmpty() ? ShortIds.of(networkId) : networkName;
    }

    /**
     * Returns the container as a person knows it: Docker's name, else its short id, else the endpoint's short id,
     * else {@code ""}.
     */
    public String containerLabel() {
        if (!container.name().isEmpty()) {
            return container.name();
        }
        return ShortIds.of(container.id().isEmpty() ? endpointId : container.id());
    }

    /**
     * Returns an IPAM call's pool and address, such as {@code 10.77.0.2 of 10.77.0.0/24}, {@code gateway 10.77.0.1 of
     * 10.77.0.0/24} or {@code pool 10.77.0.0/24}; {@code ""} for other calls.
     */
    public String ipamLabel() {
        if (address.isEmpty()) {
            return pool.isEmpty() ? "" : "pool " + pool;
        }
        String what = gateway ? "gateway " + address : address;
        return pool.isEmpty() ? what : what + " of " + pool;
    }
}
