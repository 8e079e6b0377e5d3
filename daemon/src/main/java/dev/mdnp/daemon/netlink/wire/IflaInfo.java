package dev.mdnp.daemon.netlink.wire;

/**
 * The kernel's {@code IFLA_INFO_*} attributes inside {@code IFLA_LINKINFO}, and the nested {@code VETH_INFO_*} of a
 * veth's {@code IFLA_INFO_DATA} ({@code <linux/if_link.h>}, {@code <linux/veth.h>}).
 */
public final class IflaInfo {

    /** {@code IFLA_INFO_KIND}: the link kind as a string, such as {@code "bridge"} or {@code "veth"}. */
    public static final int KIND = 1;
    /** {@code IFLA_INFO_DATA}: nest of kind-specific attributes. */
    public static final int DATA = 2;
    /** {@code VETH_INFO_PEER}: in a veth's {@link #DATA}; a {@code struct ifinfomsg}, then the peer's attributes. */
    public static final int VETH_INFO_PEER = 1;

    /** The kind of a Linux bridge. */
    public static final String KIND_BRIDGE = "bridge";
    /** The kind of a veth pair. */
    public static final String KIND_VETH = "veth";

    private IflaInfo() {
    }
}
