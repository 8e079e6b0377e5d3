package dev.mdnp.daemon.netlink.wire;

/**
 * The kernel's {@code RTM_*} message types and {@code RTMGRP_*} multicast groups ({@code <linux/rtnetlink.h>}).
 * {@code Rtm.NEWLINK} is {@code RTM_NEWLINK}.
 */
public final class Rtm {

    /** {@code RTM_NEWLINK}: create or change a link; also the reply to GETLINK and the create/change event. */
    public static final int NEWLINK = 16;
    /** {@code RTM_DELLINK}: delete a link; also the delete event. */
    public static final int DELLINK = 17;
    /** {@code RTM_GETLINK}: get one link, or dump all. */
    public static final int GETLINK = 18;
    /** {@code RTM_SETLINK}: change an existing link (never creates). */
    public static final int SETLINK = 19;
    /** {@code RTM_NEWADDR}: add an address; also the reply to GETADDR. */
    public static final int NEWADDR = 20;
    /** {@code RTM_DELADDR}: delete an address. */
    public static final int DELADDR = 21;
    /** {@code RTM_GETADDR}: dump addresses. */
    public static final int GETADDR = 22;
    /** {@code RTM_NEWROUTE}: add a route; also the reply to GETROUTE. */
    public static final int NEWROUTE = 24;
    /** {@code RTM_DELROUTE}: delete a route. */
    public static final int DELROUTE = 25;
    /** {@code RTM_GETROUTE}: dump routes. */
    public static final int GETROUTE = 26;

    /** {@code RTMGRP_LINK}: the multicast group of link events, a bit mask for {@code nl_groups}. */
    public static final int RTMGRP_LINK = 1;

    private Rtm() {
    }
}
