package dev.mdnp.daemon.dataplane.firewall;

import static java.util.Objects.requireNonNull;

/**
 * One published port in one address family: traffic for {@code hostIp:hostPort} goes to
 * {@code containerIp:containerPort}.
 *
 * @param protocol tcp or udp
 * @param hostIp the host address it is published on; "" for every address of the family
 * @param hostPort the host port, 1-65535
 * @param containerIp the container's address in the network, of the same family as {@code hostIp}
 * @param containerPort the container's port, 1-65535
 * @throws IllegalArgumentException if a port is out of range, an address is not numeric, or the families differ
 */
public record PortMapping(Protocol protocol, String hostIp, int hostPort, String containerIp, int containerPort) {

    /** Validates the components. */
    public PortMapping {
        requireNonNull(protocol, "protocol");
        requireNonNull(hostIp, "hostIp");
        requirePort(hostPort, "host port");
        requirePort(containerPort, "container port");
        containerIp = Addresses.address(containerIp);
        if (!hostIp.isEmpty()) {
            hostIp = Addresses.address(hostIp);
            if (IpFamily.of(hostIp) != IpFamily.of(containerIp)) {
                throw new IllegalArgumentException("host address " + hostIp + " and container address "
                        + containerIp + " are of different families");
            }
        }
    }

    /** Returns the family of the mapping's addresses. */
    public IpFamily family() {
        return IpFamily.of(containerIp);
    }

    private static void requirePort(int port, String what) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(what + " " + port + " is outside 1..65535");
        }
    }
}
