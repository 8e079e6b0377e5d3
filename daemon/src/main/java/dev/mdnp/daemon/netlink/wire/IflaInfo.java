package dev.mdnp.daemon.netlink.wire;

/**
 * The kernel's {@code IFLA_INFO_*} attributes inside {@code IFLA_LINKINFO}, the nested {@code VETH_INFO_*} of a
 * veth's {@code IFLA_INFO_DATA} and the {@code IFLA_BRPORT_*} of a bridge port's {@code IFLA_INFO_SLAVE_DATA}
 * ({@code <linux/if_link.h>}, {@code <linux/veth.h>}).
 */
public final class IflaInfo {

    /** {@code IFLA_INFO_KIND}: the link kind as a string, such as {@code "bridge"} or {@code "veth"}. */
    public static final int KIND = 1;
    /** {@code IFLA_INFO_DATA}: nest of kind-specific attributes. */
    public static final int DATA = 2;
    /** {@code IFLA_INFO_SLAVE_KIND}: the kind of the link's master as a string, such as {@code "bridge"}. */
    public static final int SLAVE_KIND = 4;
    /** {@code IFLA_INFO_SLAVE_DATA}: nest of the master kind's per-port attributes ({@code IFLA_BRPORT_*}). */
    public static final int SLAVE_DATA = 5;
    /**
     * {@code IFLA_BRPORT_ISOLATED}: in a bridge port's {@link #SLAVE_DATA}; u8, 1 when the port may not talk to other
     * isolated ports of its bridge, only to those that are not (the bridge itself among them).
     */
    public static final int BRPORT_ISOLATED = 33;
    /** {@code VETH_INFO_PEER}: in a veth's {@link #DATA}; a {@code struct ifinfomsg}, then the peer's attributes. */
    public static final int VETH_INFO_PEER = 1;

    /** The kind of a Linux bridge. */
    public static final String KIND_BRIDGE = "bridge";
    /** The kind of a veth pair. */
    public static final String KIND_VETH = "veth";

    private IflaInfo() {
    }
}
