package dev.mdnp.daemon.netlink.wire;

/**
 * The kernel's {@code IFLA_*} link attributes ({@code <linux/if_link.h>}), the ones mdnp reads or writes.
 * {@code Ifla.IFNAME} is {@code IFLA_IFNAME}.
 */
public final class Ifla {

    /** {@code IFLA_ADDRESS}: the hardware (MAC) address, raw bytes. */
    public static final int ADDRESS = 1;
    /** {@code IFLA_IFNAME}: the name, a NUL-terminated string of at most 15 bytes. */
    public static final int IFNAME = 3;
    /** {@code IFLA_MTU}: u32. */
    public static final int MTU = 4;
    /** {@code IFLA_LINK}: u32 index of the underlying link; a veth's peer. */
    public static final int LINK = 5;
    /** {@code IFLA_MASTER}: u32 index of the master (bridge); 0 releases the link from its master. */
    public static final int MASTER = 10;
    /** {@code IFLA_OPERSTATE}: u8, one of {@link IfOper}. */
    public static final int OPERSTATE = 16;
    /** {@code IFLA_LINKINFO}: nest of {@link IflaInfo} attributes. */
    public static final int LINKINFO = 18;
    /**
     * {@code IFLA_NET_NS_PID}: u32, a process (or thread) id; in a RTM_SETLINK it moves the link into that task's
     * network namespace.
     */
    public static final int NET_NS_PID = 19;
    /**
     * {@code IFLA_IFALIAS}: the alias, free text of at most {@link #IFALIASZ} - 1 bytes. The kernel's policy is
     * {@code NLA_BINARY} of at most 255 bytes so that an empty payload can clear the alias; it stores the payload
     * with a NUL appended, and answers with a NUL-terminated string, left out when the alias is empty. Only
     * RTM_SETLINK (and RTM_NEWLINK on an existing link) applies it: a RTM_NEWLINK that creates a link acknowledges
     * it and ignores it ({@code rtnl_create_link} does not read it).
     */
    public static final int IFALIAS = 20;
    /** {@code IFLA_STATS64}: {@code struct rtnl_link_stats64}, u64 counters starting rx/tx packets, rx/tx bytes. */
    public static final int STATS64 = 23;
    /**
     * {@code IFLA_AF_SPEC}: nest of per-family nests, each of attribute type the family ({@link Af#INET} holds
     * {@link IflaInet} attributes). In a RTM_SETLINK the kernel hands each family's nest to that family
     * ({@code inet_set_link_af} for IPv4).
     */
    public static final int AF_SPEC = 26;

    /**
     * {@code IFLA_GROUP}: u32, the link's device group, 0 ({@code INIT_NETDEV_GROUP}) by default. Unlike
     * {@link #IFALIAS} it is applied by a RTM_NEWLINK that creates a link ({@code rtnl_create_link} reads it; for a
     * veth's peer, from the attributes inside {@code VETH_INFO_PEER} only), so a link can be born in its group. The
     * kernel answers with it for every link, 0 included. A link keeps it when it moves to another namespace. A
     * DELLINK by group deletes every link in it at once.
     */
    public static final int GROUP = 27;
    /** {@code IFLA_LINK_NETNSID}: s32; present when {@link #LINK} names a link in another namespace. */
    public static final int LINK_NETNSID = 37;

    /** {@code IFNAMSIZ}: a link name's buffer size, NUL included, so names have at most 15 bytes. */
    public static final int IFNAMSIZ = 16;
    /** {@code IFALIASZ}: an alias's buffer size, NUL included, so aliases have at most 255 bytes. */
    public static final int IFALIASZ = 256;

    private Ifla() {
    }
}
