package dev.mdnp.daemon.dataplane.firewall;

/**
 * How a network's containers reach beyond the host in one address family, after Docker's
 * {@code com.docker.network.bridge.gateway_mode_ipv4} / {@code _ipv6}.
 */
public enum GatewayMode {
    /** Egress is masqueraded (unless masquerading is off) and published ports are DNATed from the host's ports. */
    NAT,
    /** No NAT: containers are reached at their own addresses; a published port opens that port of the container. */
    ROUTED
}
