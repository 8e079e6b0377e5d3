package dev.mdnp.daemon.netlink.wire;

/** The kernel's {@code RTA_*} route attributes ({@code <linux/rtnetlink.h>}). {@code Rta.DST} is {@code RTA_DST}. */
public final class Rta {

    /** {@code RTA_DST}: destination prefix, raw network-order bytes; absent for a default route. */
    public static final int DST = 1;
    /** {@code RTA_OIF}: u32 index of the output link. */
    public static final int OIF = 4;
    /** {@code RTA_GATEWAY}: next hop, raw network-order bytes. */
    public static final int GATEWAY = 5;
    /** {@code RTA_TABLE}: u32 table id, which wins over the u8 {@code rtm_table}. */
    public static final int TABLE = 15;

    private Rta() {
    }
}
