package dev.mdnp.daemon.netlink;

/**
 * A link's traffic counters from {@code IFLA_STATS64} ({@code struct rtnl_link_stats64}), all zero when the kernel
 * sent none.
 *
 * @param rxPackets packets received
 * @param txPackets packets sent
 * @param rxBytes   bytes received
 * @param txBytes   bytes sent
 */
public record LinkStats(long rxPackets, long txPackets, long rxBytes, long txBytes) {

    /** The counters of a link that reported none. */
    public static final LinkStats NONE = new LinkStats(0, 0, 0, 0);
}
