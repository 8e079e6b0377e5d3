package dev.mdnp.daemon.netlink.wire;

/**
 * The kernel's {@code NLMSG_*} constants ({@code <linux/netlink.h>}): control message types and the alignment of
 * messages. {@code Nlmsg.ERROR} is {@code NLMSG_ERROR}.
 */
public final class Nlmsg {

    /** {@code NLMSG_NOOP}: nothing, to be skipped. */
    public static final int NOOP = 1;
    /** {@code NLMSG_ERROR}: a {@code struct nlmsgerr}; error 0 is an acknowledgement. */
    public static final int ERROR = 2;
    /** {@code NLMSG_DONE}: the end of a multi-part dump; its {@code int} payload is 0 or a negative errno. */
    public static final int DONE = 3;
    /** {@code NLMSG_OVERRUN}: data lost. */
    public static final int OVERRUN = 4;
    /** {@code NLMSG_ALIGNTO}: messages and attributes start on 4-byte boundaries. */
    public static final int ALIGNTO = 4;

    private Nlmsg() {
    }

    /** Returns {@code length} rounded up to {@link #ALIGNTO}, as {@code NLMSG_ALIGN} and {@code NLA_ALIGN} do. */
    public static int align(int length) {
        return (length + ALIGNTO - 1) & ~(ALIGNTO - 1);
    }
}
