package dev.mdnp.daemon.netlink.wire;

/** The kernel's {@code AF_*} address families ({@code <sys/socket.h>}) that rtnetlink uses. */
public final class Af {

    /** {@code AF_UNSPEC}: any family, in link requests and address dumps. */
    public static final int UNSPEC = 0;
    /** {@code AF_INET}. */
    public static final int INET = 2;
    /** {@code AF_INET6}. */
    public static final int INET6 = 10;
    /** {@code AF_NETLINK}. */
    public static final int NETLINK = 16;

    private Af() {
    }
}
