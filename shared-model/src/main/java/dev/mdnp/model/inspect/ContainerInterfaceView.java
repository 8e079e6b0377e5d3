package dev.mdnp.model.inspect;

import static java.util.Objects.requireNonNull;

/**
 * One of a container's interfaces that an mdnp endpoint provides, read inside the container's network namespace by
 * netlink: the container's side of a veth pair under the name Docker gave it there.
 *
 * @param endpointId Docker's endpoint id
 * @param networkId Docker's id of the endpoint's network
 * @param name the interface's name inside the container, such as {@code eth0}; {@code ""} when it could not be read
 * @param mac its MAC address
 * @param operState the kernel's operational state, such as {@code UP}; {@code ""} when it could not be read
 * @param rxBytes bytes the container received on it
 * @param txBytes bytes the container sent on it
 * @param problem why it could not be read (the namespace is gone, no interface has the endpoint's MAC…), {@code ""}
 *     when it was read
 */
public record ContainerInterfaceView(String endpointId, String networkId, String name, String mac, String operState,
        long rxBytes, long txBytes, String problem) {

    /** Validates the components. */
    public ContainerInterfaceView {
        requireNonNull(endpointId, "endpointId");
        requireNonNull(networkId, "networkId");
        requireNonNull(name, "name");
        requireNonNull(mac, "mac");
        requireNonNull(operState, "operState");
        requireNonNull(problem, "problem");
    }

    /** Returns whether it was read inside the container. */
    public boolean isRead() {
        return problem.isEmpty();
    }
}
