package dev.mdnp.daemon.netlink.wire;

/** The kernel's {@code IF_OPER_*} operational states (RFC 2863, {@code <linux/if.h>}) in {@code IFLA_OPERSTATE}. */
public final class IfOper {

    /** {@code IF_OPER_UNKNOWN}. */
    public static final int UNKNOWN = 0;
    /** {@code IF_OPER_NOTPRESENT}. */
    public static final int NOTPRESENT = 1;
    /** {@code IF_OPER_DOWN}. */
    public static final int DOWN = 2;
    /** {@code IF_OPER_LOWERLAYERDOWN}: up but the link below is down, such as a veth whose peer is down. */
    public static final int LOWERLAYERDOWN = 3;
    /** {@code IF_OPER_TESTING}. */
    public static final int TESTING = 4;
    /** {@code IF_OPER_DORMANT}. */
    public static final int DORMANT = 5;
    /** {@code IF_OPER_UP}. */
    public static final int UP = 6;

    private IfOper() {
    }
}
