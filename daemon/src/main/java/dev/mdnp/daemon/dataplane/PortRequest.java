package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.dataplane.firewall.Protocol;

/**
 * One port to publish, as {@code docker run -p} asked for it (an entry of {@code com.docker.network.portmap},
 * cnm-remote-api.md §4).
 *
 * @param protocol tcp or udp
 * @param containerPort the container's port, 1-65535
 * @param hostIp the host address to publish on; "" for every address (IPv4, and IPv6 when the network has it)
 * @param hostPort the host port, or 0 for one mdnp picks from the ephemeral range
 * @param hostPortEnd the last port of a range starting at {@code hostPort}, or 0 (or {@code hostPort}) for one port
 * @throws IllegalArgumentException if a port is out of range or the range is reversed
 */
public record PortRequest(Protocol protocol, int containerPort, String hostIp, int hostPort, int hostPortEnd) {

    private static final int MAX_PORT = 65535;

    /** Validates the components. */
    public PortRequest {
        requireNonNull(protocol, "protocol");
        requireNonNull(hostIp, "hostIp");
        if (containerPort < 1 || containerPort > MAX_PORT) {
            throw new IllegalArgumentException("container port " + containerPort + " is outside 1..65535");
        }
        if (hostPort < 0 || hostPort > MAX_PORT || hostPortEnd < 0 || hostPortEnd > MAX_PORT) {
            throw new IllegalArgumentException("host port " + hostPort + "-" + hostPortEnd + " is outside 0..65535");
        }
        if (hostPortEnd != 0 && hostPort == 0 || hostPortEnd != 0 && hostPortEnd < hostPort) {
            throw new IllegalArgumentException("host port range " + hostPort + "-" + hostPortEnd + " is reversed");
        }
    }

    /** Returns the last port that may be chosen: {@code hostPortEnd}, or {@code hostPort} for a single port. */
    int lastHostPort() {
        return Math.max(hostPort, hostPortEnd);
    }

    /** Returns how the request names its host ports, as {@code 8080}, {@code 8000-8010} or {@code any}. */
    String hostPorts() {
        if (hostPort == 0) {
            return "any";
        }
        return lastHostPort() == hostPort ? Integer.toString(hostPort) : hostPort + "-" + lastHostPort();
    }
}
