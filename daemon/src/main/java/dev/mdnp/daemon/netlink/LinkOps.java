package dev.mdnp.daemon.netlink;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.wire.Errno;
import dev.mdnp.daemon.netlink.wire.LinkMessages;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Operations on links, reached through {@link RtNetlink#links()}. Each names the {@code ip} command it equals and
 * the message it sends; changes carry {@code NLM_F_REQUEST|NLM_F_ACK} and return once the kernel acknowledged them.
 *
 * <p>Names are checked before anything is sent: an empty name, one over 15 bytes, {@code .}, {@code ..}, or one with
 * {@code /}, {@code :} or white space throws {@link IllegalArgumentException}. Every kernel refusal throws
 * {@link NetlinkException}, for example {@code EEXIST} for a create of a name in use and {@code ENODEV} for a change
 * to a link that does not exist.
 *
 * <p>Thread-safe: requests of all threads go through the handle's one socket, one at a time.
 */
public final class LinkOps {

    private final Exchange exchange;

    LinkOps(Exchange exchange) {
        this.exchange = requireNonNull(exchange, "exchange");
    }

    /**
     * Creates a bridge: {@code ip link add NAME type bridge}. RTM_NEWLINK, {@code NLM_F_CREATE|NLM_F_EXCL},
     * {@code IFLA_IFNAME, IFLA_LINKINFO{IFLA_INFO_KIND "bridge"}}. The bridge is down.
     */
    public void createBridge(String name) {
        exchange.ack("create bridge " + name, LinkMessages.createBridge(LinkNames.require(name), 0));
    }

    /** As {@link #createBridge(String)} with {@code IFLA_MTU}: {@code ip link add NAME mtu MTU type bridge}. */
    public void createBridge(String name, int mtu) {
        requirePositive("mtu", mtu);
        exchange.ack("create bridge " + name + " with mtu " + mtu,
                LinkMessages.createBridge(LinkNames.require(name), mtu));
    }

    /**
     * As {@link #createBridge(String)} with {@code IFLA_MTU} unless {@code mtu} is 0 (the kernel's default) and
     * {@code IFLA_GROUP} unless {@code group} is 0 (the default group): {@code ip link add NAME [mtu MTU]
     * [group GROUP] type bridge}. The kernel applies the group before it registers the bridge, so the bridge is in
     * it from birth: no reader, event or crash ever sees it outside. Read back as {@link Link#group()}.
     *
     * @throws IllegalArgumentException before sending, for a negative MTU or group
     */
    public void createBridge(String name, int mtu, int group) {
        createBridge(name, mtu, group, null);
    }

    /**
     * As {@link #createBridge(String, int, int)} with {@code IFLA_ADDRESS} unless {@code mac} is null: {@code ip link
     * add NAME [mtu MTU] [address MAC] [group GROUP] type bridge}. A bridge given its address keeps it; without one it
     * takes the lowest address of its ports and changes it whenever a port with a lower one joins or the port with the
     * lowest leaves, so that neighbours holding the old address in their ARP cache lose it until the entry expires.
     *
     * @throws IllegalArgumentException before sending, for a negative MTU or group
     */
    public void createBridge(String name, int mtu, int group, @Nullable MacAddress mac) {
        requireNotNegative("mtu", mtu);
        requireNotNegative("group", group);
        String operation = "create bridge " + name + (mtu == 0 ? "" : " with mtu " + mtu)
                + (mac == null ? "" : " with address " + mac) + inGroup(group);
        exchange.ack(operation, LinkMessages.createBridge(LinkNames.require(name), mtu, group, octets(mac)));
    }

    /**
     * Creates a veth pair: {@code ip link add NAME [mtu M] [address MAC] [group G] type veth peer name PEER [mtu M]
     * [address PEERMAC] [group G]}. RTM_NEWLINK, {@code NLM_F_CREATE|NLM_F_EXCL}, {@code IFLA_IFNAME, IFLA_LINKINFO{
     * IFLA_INFO_KIND "veth", IFLA_INFO_DATA{VETH_INFO_PEER{ifinfomsg, IFLA_IFNAME, ...}}}}. Both ends are down. A
     * pair with a {@link VethPair#group() group} has both ends in it from birth (the group goes at both levels:
     * the kernel builds the peer from its own attributes only).
     */
    public void createVeth(VethPair pair) {
        exchange.ack("create veth " + pair.name() + "/" + pair.peerName() + inGroup(pair.group()),
                LinkMessages.createVeth(pair.name(), pair.peerName(), pair.mtu(), octets(pair.mac()),
                        octets(pair.peerMac()), pair.group()));
    }

    /**
     * Deletes a link: {@code ip link del NAME}. RTM_DELLINK, {@code IFLA_IFNAME}. Deleting one end of a veth deletes
     * both. The kernel waits for an RCU grace period per device, so this takes milliseconds, not microseconds.
     */
    public void delete(String name) {
        exchange.ack("delete link " + name, LinkMessages.delete(LinkNames.require(name)));
    }

    /** Deletes the link with index {@code index}: RTM_DELLINK with {@code ifi_index}. */
    public void delete(int index) {
        requirePositive("link index", index);
        exchange.ack("delete link #" + index, LinkMessages.delete(index));
    }

    /** Brings a link up: {@code ip link set NAME up}. RTM_SETLINK, {@code ifi_flags=IFF_UP, ifi_change=IFF_UP}. */
    public void setUp(String name) {
        exchange.ack("set " + name + " up", LinkMessages.setUp(LinkNames.require(name)));
    }

    /** Takes a link down: {@code ip link set NAME down}. RTM_SETLINK, {@code ifi_flags=0, ifi_change=IFF_UP}. */
    public void setDown(String name) {
        exchange.ack("set " + name + " down", LinkMessages.setDown(LinkNames.require(name)));
    }

    /**
     * Sets a link's MTU: {@code ip link set NAME mtu MTU}. RTM_SETLINK, {@code IFLA_IFNAME, IFLA_MTU}. An MTU outside
     * the device's range gives {@code EINVAL} with the kernel's text, such as "mtu less than device minimum".
     */
    public void setMtu(String name, int mtu) {
        requirePositive("mtu", mtu);
        exchange.ack("set mtu of " + name + " to " + mtu, LinkMessages.setMtu(LinkNames.require(name), mtu));
    }

    /**
     * Moves a link into a device group: {@code ip link set NAME group GROUP}. RTM_SETLINK, {@code IFLA_IFNAME,
     * IFLA_GROUP}. Group 0 is the default group of every link. Read back as {@link Link#group()}; the link keeps
     * its group when it moves to another namespace.
     */
    public void setGroup(String name, int group) {
        exchange.ack("set group of " + name + " to " + group, LinkMessages.setGroup(LinkNames.require(name), group));
    }

    /**
     * Deletes every link of a device group in one batch: {@code ip link del group GROUP}. RTM_DELLINK with
     * {@code ifi_index} 0 and {@code IFLA_GROUP}. Only this namespace's links of the group go, and with each veth
     * end its peer, whatever the peer's group or namespace. Throws ENODEV when the group is empty and EOPNOTSUPP
     * when a member cannot be deleted (a physical device).
     *
     * @throws IllegalArgumentException before sending, for group 0 or a negative group
     */
    public void deleteGroup(int group) {
        requirePositive("group", group);
        exchange.ack("delete link group " + group, LinkMessages.deleteGroup(group));
    }

    /** Sets a link's MAC: {@code ip link set NAME address MAC}. RTM_SETLINK, {@code IFLA_IFNAME, IFLA_ADDRESS}. */
    public void setMac(String name, MacAddress mac) {
        exchange.ack("set mac of " + name + " to " + mac, LinkMessages.setMac(LinkNames.require(name), mac.octets()));
    }

    /**
     * Sets a link's alias: {@code ip link set NAME alias ALIAS}. RTM_SETLINK, {@code IFLA_IFNAME, IFLA_IFALIAS} (the
     * UTF-8 bytes without a NUL, as iproute2 sends them). The empty alias clears it ({@code ip link set NAME alias
     * ""}, an empty payload). The alias stays with the link when it moves to another namespace and is read back as
     * {@link Link#alias()}. It cannot be given when a link is created: the kernel ignores {@code IFLA_IFALIAS} in a
     * RTM_NEWLINK that creates one, so a new link has none until this is called. A {@link LinkMonitor} sees the
     * change only when the link is up: the kernel announces it through {@code netif_state_change}, which is silent
     * for a down link.
     *
     * @throws IllegalArgumentException before sending, for an alias over 255 bytes of UTF-8 ({@code IFALIASZ} minus
     *                                  the NUL) or one containing NUL
     */
    public void setAlias(String name, String alias) {
        LinkAliases.require(alias);
        String operation = alias.isEmpty() ? "clear alias of " + name
                : "set alias of " + name + " to \"" + alias + "\"";
        exchange.ack(operation, LinkMessages.setAlias(LinkNames.require(name), alias));
    }

    /**
     * Sets whether 127.0.0.0/8 may be routed through a link: {@code sysctl net.ipv4.conf.NAME.route_localnet=1} (or
     * {@code =0}), sent as RTM_SETLINK, {@code IFLA_IFNAME, IFLA_AF_SPEC{AF_INET{IFLA_INET_CONF{
     * IPV4_DEVCONF_ROUTE_LOCALNET}}}}. Needs only CAP_NET_ADMIN, so it works where {@code /proc/sys} is read-only
     * (a managed Docker plugin). Read back under {@code /proc/sys} from a thread in the handle's namespace.
     */
    public void setRouteLocalnet(String name, boolean on) {
        exchange.ack("set route_localnet of " + name + " to " + (on ? 1 : 0),
                LinkMessages.setRouteLocalnet(LinkNames.require(name), on));
    }

    /**
     * Makes a link a port of a bridge: {@code ip link set NAME master M}. RTM_SETLINK, {@code IFLA_IFNAME,
     * IFLA_MASTER}. The bridge's MTU follows its ports.
     */
    public void setMaster(String name, int masterIndex) {
        requirePositive("master index", masterIndex);
        exchange.ack("set master of " + name + " to #" + masterIndex,
                LinkMessages.setMaster(LinkNames.require(name), masterIndex));
    }

    /**
     * As {@link #setMaster(String, int)} with the bridge named: first a RTM_GETLINK of {@code masterName}, which
     * throws {@code ENODEV} when there is no such link.
     */
    public void setMaster(String name, String masterName) {
        String operation = "set master of " + name + " to " + masterName;
        int masterIndex = indexOf(operation, masterName);
        exchange.ack(operation, LinkMessages.setMaster(LinkNames.require(name), masterIndex));
    }

    /** Releases a link from its bridge: {@code ip link set NAME nomaster}. RTM_SETLINK, {@code IFLA_MASTER=0}. */
    public void setNoMaster(String name) {
        exchange.ack("release " + name + " from its master", LinkMessages.setMaster(LinkNames.require(name), 0));
    }

    /**
     * Renames a link: {@code ip link set NAME name NEWNAME}. A RTM_GETLINK for the index, then RTM_SETLINK by
     * {@code ifi_index} with {@code IFLA_IFNAME=NEWNAME}. Kernels before 6.2 refuse to rename a link that is up
     * ({@code EBUSY}); later ones allow it.
     */
    public void rename(String name, String newName) {
        LinkNames.require(newName);
        String operation = "rename " + name + " to " + newName;
        int index = indexOf(operation, name);
        exchange.ack(operation, LinkMessages.rename(index, newName));
    }

    /**
     * Returns the link named {@code name}: {@code ip link show NAME}. RTM_GETLINK (not a dump) with
     * {@code IFLA_IFNAME}. Empty when there is none (the kernel's {@code ENODEV}).
     */
    public Optional<Link> get(String name) {
        return exchange.get("get link " + name, LinkMessages.get(LinkNames.require(name)), LinkParser::parse);
    }

    /** Returns the link with index {@code index}, or empty: RTM_GETLINK (not a dump) with {@code ifi_index}. */
    public Optional<Link> get(int index) {
        requirePositive("link index", index);
        return exchange.get("get link #" + index, LinkMessages.get(index), LinkParser::parse);
    }

    /** Returns every link of the namespace: {@code ip link show}. RTM_GETLINK, {@code NLM_F_DUMP}. */
    public List<Link> list() {
        return exchange.dump("list links", LinkMessages.dump(), LinkParser::parse);
    }

    private int indexOf(String operation, String name) {
        return get(name)
                .orElseThrow(() -> new NetlinkException(operation, Errno.ENODEV.number(), "no link " + name))
                .index();
    }

    private static byte @Nullable [] octets(@Nullable MacAddress mac) {
        return mac == null ? null : mac.octets();
    }

    private static String inGroup(int group) {
        return group == 0 ? "" : " in group " + group;
    }

    private static void requireNotNegative(String what, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative, got " + value);
        }
    }

    private static void requirePositive(String what, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }
}
