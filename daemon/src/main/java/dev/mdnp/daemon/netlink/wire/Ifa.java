package dev.mdnp.daemon.netlink.wire;

/**
 * The kernel's {@code IFA_*} address attributes and {@code IFA_F_*} address flags ({@code <linux/if_addr.h>}).
 * {@code Ifa.LOCAL} is {@code IFA_LOCAL}; {@code Ifa.F_NODAD} is {@code IFA_F_NODAD}.
 */
public final class Ifa {

    /** {@code IFA_ADDRESS}: the prefix address (the peer on point-to-point links), raw network-order bytes. */
    public static final int ADDRESS = 1;
    /** {@code IFA_LOCAL}: the local address, raw network-order bytes (IPv4). */
    public static final int LOCAL = 2;
    /** {@code IFA_LABEL}: the IPv4 label, a string. */
    public static final int LABEL = 3;
    /** {@code IFA_F_NODAD}: skip IPv6 duplicate address detection. */
    public static final int F_NODAD = 0x02;

    private Ifa() {
    }
}
