package dev.mdnp.daemon.netlink.wire;

/**
 * The values of {@code struct rtmsg}'s fields ({@code <linux/rtnetlink.h>}): tables {@code RT_TABLE_*}, scopes
 * {@code RT_SCOPE_*}, protocols {@code RTPROT_*} and types {@code RTN_*}. {@code Rt.TABLE_MAIN} is
 * {@code RT_TABLE_MAIN}, {@code Rt.RTN_UNICAST} is {@code RTN_UNICAST}.
 */
public final class Rt {

    /** {@code RT_TABLE_MAIN}: the table {@code ip route} shows. */
    public static final int TABLE_MAIN = 254;

    /** {@code RT_SCOPE_UNIVERSE}: a route through a gateway. */
    public static final int SCOPE_UNIVERSE = 0;
    /** {@code RT_SCOPE_LINK}: a directly attached destination. */
    public static final int SCOPE_LINK = 253;
    /** {@code RT_SCOPE_NOWHERE}: in a delete request, matches any scope. */
    public static final int SCOPE_NOWHERE = 255;

    /** {@code RTPROT_UNSPEC}: in a delete request, matches any protocol. */
    public static final int PROT_UNSPEC = 0;
    /** {@code RTPROT_BOOT}: installed by an administrator tool, what {@code ip route add} uses. */
    public static final int PROT_BOOT = 3;

    /** {@code RTN_UNSPEC}: in a delete request, matches any type. */
    public static final int RTN_UNSPEC = 0;
    /** {@code RTN_UNICAST}: a gateway or direct route. */
    public static final int RTN_UNICAST = 1;

    private Rt() {
    }
}
