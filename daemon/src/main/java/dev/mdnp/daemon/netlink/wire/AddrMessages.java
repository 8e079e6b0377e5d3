package dev.mdnp.daemon.netlink.wire;

/**
 * The request messages of address operations, built but not sent. Addresses are raw network-order bytes, 4 for
 * {@link Af#INET} and 16 for {@link Af#INET6}. Each method names the {@code ip} command whose request it equals.
 */
public final class AddrMessages {

    private AddrMessages() {
    }

    /**
     * {@code ip addr add ADDR/LEN dev #INDEX} ({@code nodad} added for IPv6): RTM_NEWADDR, REQUEST|ACK|CREATE|EXCL,
     * {@code ifaddrmsg{family, LEN, IFA_F_NODAD for IPv6, RT_SCOPE_UNIVERSE, INDEX}, IFA_LOCAL, IFA_ADDRESS}.
     * Both attributes carry the address, as {@code ip} sends them: {@code IFA_LOCAL} is the interface's own address
     * and {@code IFA_ADDRESS} the prefix (they differ only on point-to-point links).
     */
    public static MessageBuilder add(int family, int index, byte[] address, int prefixLength) {
        int flags = family == Af.INET6 ? Ifa.F_NODAD : 0;
        return addressMessage(Rtm.NEWADDR, NlmF.REQUEST | NlmF.ACK | NlmF.CREATE | NlmF.EXCL,
                new IfAddrMsg(family, prefixLength, flags, Rt.SCOPE_UNIVERSE, index), address);
    }

    /**
     * {@code ip addr del ADDR/LEN dev #INDEX}: RTM_DELADDR, REQUEST|ACK,
     * {@code ifaddrmsg{family, LEN, 0, 0, INDEX}, IFA_LOCAL, IFA_ADDRESS}.
     */
    public static MessageBuilder delete(int family, int index, byte[] address, int prefixLength) {
        return addressMessage(Rtm.DELADDR, NlmF.REQUEST | NlmF.ACK,
                new IfAddrMsg(family, prefixLength, 0, Rt.SCOPE_UNIVERSE, index), address);
    }

    /**
     * {@code ip addr show}: RTM_GETADDR, REQUEST|DUMP, {@code ifaddrmsg{AF_UNSPEC}}, so both families. The kernel
     * ignores {@code ifa_index} in a dump unless the socket sets {@code NETLINK_GET_STRICT_CHK}; filter on the
     * client.
     */
    public static MessageBuilder dump() {
        return new MessageBuilder(Rtm.GETADDR, NlmF.REQUEST | NlmF.DUMP)
                .struct(new IfAddrMsg(Af.UNSPEC, 0, 0, 0, 0));
    }

    private static MessageBuilder addressMessage(int type, int flags, IfAddrMsg header, byte[] address) {
        return new MessageBuilder(type, flags).struct(header).bytes(Ifa.LOCAL, address).bytes(Ifa.ADDRESS, address);
    }
}
