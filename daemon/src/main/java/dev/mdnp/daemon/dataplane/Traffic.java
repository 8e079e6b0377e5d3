package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.dataplane.firewall.GatewayMode;

/**
 * How a network treats traffic, after the options of Docker's bridge driver (bridge-parity.md §6).
 *
 * @param internal {@code --internal}: nothing leaves the bridge for another interface or enters it from one
 * @param icc whether containers on the network reach each other
 * @param masquerade whether egress is masqueraded in NAT mode
 * @param ipv4Mode how IPv4 reaches beyond the host
 * @param ipv6Mode how IPv6 reaches beyond the host
 */
public record Traffic(boolean internal, boolean icc, boolean masquerade, GatewayMode ipv4Mode, GatewayMode ipv6Mode) {

    /** Docker's defaults: not internal, ICC on, masquerading NAT in both families. */
    public static final Traffic DEFAULT = new Traffic(false, true, true, GatewayMode.NAT, GatewayMode.NAT);

    /** Rejects nulls. */
    public Traffic {
        requireNonNull(ipv4Mode, "ipv4Mode");
        requireNonNull(ipv6Mode, "ipv6Mode");
    }
}
