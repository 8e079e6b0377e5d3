package dev.mdnp.daemon.netlink.wire;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The request messages of link operations, built but not sent. Names are not validated here (callers do that, and
 * kernel tests send invalid ones on purpose); an MTU of 0 and a device group of 0 (the default group) mean "leave
 * the attribute out". Each method names the {@code ip} command whose request it equals.
 */
public final class LinkMessages {

    private static final int CHANGE = NlmF.REQUEST | NlmF.ACK;
    private static final int CREATE = NlmF.REQUEST | NlmF.ACK | NlmF.CREATE | NlmF.EXCL;

    private LinkMessages() {
    }

    /**
     * {@code ip link add NAME [mtu MTU] type bridge}: RTM_NEWLINK, REQUEST|ACK|CREATE|EXCL,
     * {@code IFLA_IFNAME, [IFLA_MTU], IFLA_LINKINFO{IFLA_INFO_KIND "bridge"}}.
     */
    public static MessageBuilder createBridge(String name, int mtu) {
        return createBridge(name, mtu, 0);
    }

    /**
     * {@code ip link add NAME [mtu MTU] [group GROUP] type bridge}: RTM_NEWLINK, REQUEST|ACK|CREATE|EXCL,
     * {@code IFLA_IFNAME, [IFLA_MTU], [IFLA_GROUP], IFLA_LINKINFO{IFLA_INFO_KIND "bridge"}}. The kernel puts the
     * bridge into the group before it registers it, so it is never seen outside the group.
     */
    public static MessageBuilder createBridge(String name, int mtu, int group) {
        return createBridge(name, mtu, group, null);
    }

    /**
     * {@code ip link add NAME [mtu MTU] [address MAC] [group GROUP] type bridge}: as
     * {@link #createBridge(String, int, int)} with {@code IFLA_ADDRESS} after {@code [IFLA_MTU]} unless {@code mac}
     * is null. A bridge created with an address keeps it ({@code addr_assign_type} 3, "set"); one without takes the
     * lowest address of its ports, which changes as ports come and go.
     */
    public static MessageBuilder createBridge(String name, int mtu, int group, byte @Nullable [] mac) {
        MessageBuilder message = new MessageBuilder(Rtm.NEWLINK, CREATE).struct(IfInfoMsg.ofIndex(0));
        end(message, name, mtu, mac, group);
        return message.nest(Ifla.LINKINFO, info -> info.string(IflaInfo.KIND, IflaInfo.KIND_BRIDGE));
    }

    /**
     * {@code ip link add NAME [mtu MTU] [address MAC] type veth peer name PEER [mtu MTU] [address PEERMAC]}:
     * RTM_NEWLINK, REQUEST|ACK|CREATE|EXCL, {@code IFLA_IFNAME, [IFLA_MTU], [IFLA_ADDRESS], IFLA_LINKINFO{
     * IFLA_INFO_KIND "veth", IFLA_INFO_DATA{VETH_INFO_PEER{struct ifinfomsg, IFLA_IFNAME, [IFLA_MTU],
     * [IFLA_ADDRESS]}}}}. The peer's ifinfomsg is mandatory: without it the kernel reads the peer's attributes as
     * a struct.
     */
    public static MessageBuilder createVeth(String name, String peerName, int mtu, byte @Nullable [] mac,
            byte @Nullable [] peerMac) {
        return createVeth(name, peerName, mtu, mac, peerMac, 0);
    }

    /**
     * {@code ip link add NAME [mtu MTU] [address MAC] [group GROUP] type veth peer name PEER [mtu MTU]
     * [address PEERMAC] [group GROUP]}: as {@link #createVeth(String, String, int, byte[], byte[])} with
     * {@code IFLA_GROUP} after {@code [IFLA_ADDRESS]} at both ends. The group goes twice because the kernel creates
     * the peer from the attributes inside {@code VETH_INFO_PEER} alone: a group given only outside leaves the peer
     * in the default group. Both ends are put into the group before they are registered.
     */
    public static MessageBuilder createVeth(String name, String peerName, int mtu, byte @Nullable [] mac,
            byte @Nullable [] peerMac, int group) {
        MessageBuilder message = new MessageBuilder(Rtm.NEWLINK, CREATE).struct(IfInfoMsg.ofIndex(0));
        end(message, name, mtu, mac, group);
        return message.nest(Ifla.LINKINFO, info -> info
                .string(IflaInfo.KIND, IflaInfo.KIND_VETH)
                .nest(IflaInfo.DATA, data -> data.nest(IflaInfo.VETH_INFO_PEER, peer -> {
                    peer.struct(IfInfoMsg.ofIndex(0));
                    end(peer, peerName, mtu, peerMac, group);
                })));
    }

    /** {@code ip link del NAME}: RTM_DELLINK, REQUEST|ACK, {@code IFLA_IFNAME}. */
    public static MessageBuilder delete(String name) {
        return new MessageBuilder(Rtm.DELLINK, CHANGE).struct(IfInfoMsg.ofIndex(0)).string(Ifla.IFNAME, name);
    }

    /** {@code ip link del} of the link with {@code ifi_index} INDEX: RTM_DELLINK, REQUEST|ACK. */
    public static MessageBuilder delete(int index) {
        return new MessageBuilder(Rtm.DELLINK, CHANGE).struct(IfInfoMsg.ofIndex(index));
    }

    /**
     * {@code ip link set NAME up}: RTM_SETLINK, REQUEST|ACK, {@code ifi_flags} IFF_UP and {@code ifi_change} IFF_UP
     * (so no other flag changes; a change mask of 0 would replace them all), {@code IFLA_IFNAME}.
     */
    public static MessageBuilder setUp(String name) {
        return setFlags(name, Iff.UP, Iff.UP);
    }

    /** {@code ip link set NAME down}: as {@link #setUp} with {@code ifi_flags} 0. */
    public static MessageBuilder setDown(String name) {
        return setFlags(name, 0, Iff.UP);
    }

    /** {@code ip link set NAME group GROUP}: RTM_SETLINK, REQUEST|ACK, {@code IFLA_IFNAME, IFLA_GROUP}. */
    public static MessageBuilder setGroup(String name, int group) {
        return set(name).u32(Ifla.GROUP, group);
    }

    /**
     * {@code ip link del group GROUP}: RTM_DELLINK, REQUEST|ACK, {@code ifi_index} 0, {@code IFLA_GROUP}. The kernel
     * unregisters the whole group in one batch, paying the RCU grace period once instead of once per link.
     */
    public static MessageBuilder deleteGroup(int group) {
        return new MessageBuilder(Rtm.DELLINK, CHANGE).struct(IfInfoMsg.ofIndex(0)).u32(Ifla.GROUP, group);
    }

    /** {@code ip link set NAME mtu MTU}: RTM_SETLINK, REQUEST|ACK, {@code IFLA_IFNAME, IFLA_MTU}. */
    public static MessageBuilder setMtu(String name, int mtu) {
        return set(name).u32(Ifla.MTU, mtu);
    }

    /** {@code ip link set NAME address MAC}: RTM_SETLINK, REQUEST|ACK, {@code IFLA_IFNAME, IFLA_ADDRESS}. */
    public static MessageBuilder setMac(String name, byte[] mac) {
        return set(name).bytes(Ifla.ADDRESS, mac);
    }

    /**
     * {@code ip link set NAME alias ALIAS}: RTM_SETLINK, REQUEST|ACK, {@code IFLA_IFNAME, IFLA_IFALIAS}. The alias goes
     * as its UTF-8 bytes without a NUL, as iproute2 sends it: the kernel takes at most 255 payload bytes (a NUL would
     * cost one of them) and appends the NUL itself. An empty alias is an empty payload, which clears the alias
     * ({@code ip link set NAME alias ""}). The alias is not validated here.
     */
    public static MessageBuilder setAlias(String name, String alias) {
        return set(name).bytes(Ifla.IFALIAS, alias.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code sysctl net.ipv4.conf.NAME.route_localnet=1} (or {@code =0} when {@code on} is false) through rtnetlink,
     * which needs CAP_NET_ADMIN but no writable {@code /proc/sys}: RTM_SETLINK, REQUEST|ACK, {@code IFLA_IFNAME,
     * IFLA_AF_SPEC{AF_INET{IFLA_INET_CONF{IPV4_DEVCONF_ROUTE_LOCALNET u32}}}}. The kernel sets it in
     * {@code inet_set_link_af}; unlike the sysctl file, turning it off does not flush the routing cache.
     */
    public static MessageBuilder setRouteLocalnet(String name, boolean on) {
        return set(name).nest(Ifla.AF_SPEC, spec -> spec.nest(Af.INET, inet -> inet.nest(IflaInet.CONF,
                conf -> conf.u32(IflaInet.DEVCONF_ROUTE_LOCALNET, on ? 1 : 0))));
    }

    /**
     * {@code ip link set NAME master M} (or {@code nomaster} when {@code masterIndex} is 0): RTM_SETLINK,
     * REQUEST|ACK, {@code IFLA_IFNAME, IFLA_MASTER}.
     */
    public static MessageBuilder setMaster(String name, int masterIndex) {
        return set(name).u32(Ifla.MASTER, masterIndex);
    }

    /**
     * {@code ip link set NAME name NEWNAME}, for the link with index INDEX: RTM_SETLINK, REQUEST|ACK,
     * {@code ifi_index}, {@code IFLA_IFNAME} NEWNAME.
     */
    public static MessageBuilder rename(int index, String newName) {
        return new MessageBuilder(Rtm.SETLINK, CHANGE).struct(IfInfoMsg.ofIndex(index)).string(Ifla.IFNAME, newName);
    }

    /** {@code ip link show NAME}: RTM_GETLINK, REQUEST|ACK (not a dump), {@code IFLA_IFNAME}. */
    public static MessageBuilder get(String name) {
        return new MessageBuilder(Rtm.GETLINK, CHANGE).struct(IfInfoMsg.ofIndex(0)).string(Ifla.IFNAME, name);
    }

    /** {@code ip link show} of the link with index INDEX: RTM_GETLINK, REQUEST|ACK (not a dump). */
    public static MessageBuilder get(int index) {
        return new MessageBuilder(Rtm.GETLINK, CHANGE).struct(IfInfoMsg.ofIndex(index));
    }

    /** {@code ip link show}: RTM_GETLINK, REQUEST|DUMP. */
    public static MessageBuilder dump() {
        return new MessageBuilder(Rtm.GETLINK, NlmF.REQUEST | NlmF.DUMP).struct(IfInfoMsg.ofIndex(0));
    }

    private static MessageBuilder setFlags(String name, int flags, int change) {
        IfInfoMsg header = new IfInfoMsg(Af.UNSPEC, 0, 0, flags, change);
        return new MessageBuilder(Rtm.SETLINK, CHANGE).struct(header).string(Ifla.IFNAME, name);
    }

    private static MessageBuilder set(String name) {
        return new MessageBuilder(Rtm.SETLINK, CHANGE).struct(IfInfoMsg.ofIndex(0)).string(Ifla.IFNAME, name);
    }

    private static void end(MessageBuilder message, String name, int mtu, byte @Nullable [] mac, int group) {
        message.string(Ifla.IFNAME, name);
        optionalMtu(message, mtu);
        if (mac != null) {
            message.bytes(Ifla.ADDRESS, mac);
        }
        optionalGroup(message, group);
    }

    private static void optionalMtu(MessageBuilder message, int mtu) {
        if (mtu != 0) {
            message.u32(Ifla.MTU, mtu);
        }
    }

    private static void optionalGroup(MessageBuilder message, int group) {
        if (group != 0) {
            message.u32(Ifla.GROUP, group);
        }
    }
}
