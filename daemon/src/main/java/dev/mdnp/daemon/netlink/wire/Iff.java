package dev.mdnp.daemon.netlink.wire;

/** The kernel's {@code IFF_*} link flags ({@code <linux/if.h>}) carried in {@code ifi_flags}. */
public final class Iff {

    /** {@code IFF_UP}: administratively up. */
    public static final int UP = 0x1;
    /** {@code IFF_LOOPBACK}. */
    public static final int LOOPBACK = 0x8;

    private Iff() {
    }
}
