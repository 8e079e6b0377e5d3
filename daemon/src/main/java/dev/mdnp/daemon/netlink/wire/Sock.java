package dev.mdnp.daemon.netlink.wire;

/**
 * The socket-layer constants a netlink socket needs, for Linux on x86-64 and arm64 ({@code <sys/socket.h>},
 * {@code <asm-generic/socket.h>}, {@code <linux/netlink.h>}), plus {@code CLONE_NEWNET} ({@code <sched.h>}).
 */
public final class Sock {

    /** {@code SOCK_RAW}. */
    public static final int SOCK_RAW = 3;
    /** {@code SOCK_CLOEXEC}: no leak of the descriptor into child processes. */
    public static final int SOCK_CLOEXEC = 0x80000;
    /** {@code NETLINK_ROUTE}: the rtnetlink protocol. */
    public static final int NETLINK_ROUTE = 0;

    /** {@code SOL_SOCKET}. */
    public static final int SOL_SOCKET = 1;
    /** {@code SO_RCVBUF}: receive buffer, capped at {@code net.core.rmem_max}. */
    public static final int SO_RCVBUF = 8;
    /** {@code SO_RCVTIMEO} (the 64-bit {@code struct timeval} variant). */
    public static final int SO_RCVTIMEO = 20;
    /** {@code SO_RCVBUFFORCE}: receive buffer beyond {@code rmem_max}; needs {@code CAP_NET_ADMIN}. */
    public static final int SO_RCVBUFFORCE = 33;

    /** {@code SOL_NETLINK}. */
    public static final int SOL_NETLINK = 270;
    /** {@code NETLINK_CAP_ACK}: an error echoes only the request's header, not its payload. */
    public static final int NETLINK_CAP_ACK = 10;
    /** {@code NETLINK_EXT_ACK}: errors carry the kernel's message text ({@link NlMsgErr#ATTR_MSG}). */
    public static final int NETLINK_EXT_ACK = 11;

    /** {@code MSG_TRUNC}: {@code recv} returns the datagram's real length even when it did not fit. */
    public static final int MSG_TRUNC = 0x20;

    /** {@code sizeof(struct sockaddr_nl)}: family u16, pad u16, pid u32, groups u32. */
    public static final int SOCKADDR_NL_LENGTH = 12;
    /** {@code sizeof(struct timeval)} on 64-bit Linux: two longs, seconds and microseconds. */
    public static final int TIMEVAL_LENGTH = 16;

    /** {@code CLONE_NEWNET}: {@code unshare} flag for a new network namespace. */
    public static final int CLONE_NEWNET = 0x40000000;

    private Sock() {
    }
}
