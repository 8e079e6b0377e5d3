package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

/**
 * What an endpoint needs in the kernel: a veth pair whose host end is a port of the network's bridge and whose
 * container end Docker moves into the container at Join.
 *
 * @param hostName the host end's name, at most 15 bytes
 * @param containerName the container end's name, at most 15 bytes; Docker renames it {@code eth<N>}
 * @param bridge the network's bridge
 * @param mtu the MTU of both ends; 0 for the kernel's default
 * @param containerMac the container end's MAC, as {@code 02:42:ac:11:00:02}
 */
public record VethSpec(String hostName, String containerName, String bridge, int mtu, String containerMac) {

    /** Validates the components. */
    public VethSpec {
        requireNonNull(hostName, "hostName");
        requireNonNull(containerName, "containerName");
        requireNonNull(bridge, "bridge");
        requireNonNull(containerMac, "containerMac");
        if (mtu < 0) {
            throw new IllegalArgumentException("mtu must not be negative");
        }
    }
}
