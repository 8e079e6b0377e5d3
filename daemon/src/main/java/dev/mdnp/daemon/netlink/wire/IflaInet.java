package dev.mdnp.daemon.netlink.wire;

/**
 * The kernel's {@code IFLA_INET_*} attributes inside {@link Ifla#AF_SPEC}'s {@link Af#INET} nest
 * ({@code <linux/if_link.h>}), and the {@code IPV4_DEVCONF_*} indexes of the settings in {@link #CONF}
 * ({@code <linux/ip.h>}).
 */
public final class IflaInet {

    /**
     * {@code IFLA_INET_CONF}: nest of u32 attributes, each of attribute type an {@code IPV4_DEVCONF_*} index (1-based)
     * and value the setting, as {@code net.ipv4.conf.IFACE.*} under {@code /proc/sys} shows it.
     */
    public static final int CONF = 1;
    /** {@code IPV4_DEVCONF_ROUTE_LOCALNET}: {@code net.ipv4.conf.IFACE.route_localnet}, 0 or 1. */
    public static final int DEVCONF_ROUTE_LOCALNET = 26;

    private IflaInet() {
    }
}
