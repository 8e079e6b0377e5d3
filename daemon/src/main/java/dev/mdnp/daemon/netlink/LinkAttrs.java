package dev.mdnp.daemon.netlink;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * What every link has, whatever its kind, as {@code ip -s link show} prints it.
 *
 * @param index       the link index ({@code ifi_index}), positive
 * @param name        the name ({@code IFLA_IFNAME}), at most 15 bytes
 * @param mtu         the MTU ({@code IFLA_MTU})
 * @param mac         the hardware address ({@code IFLA_ADDRESS}); null when the link has none or it is not 6 bytes
 * @param masterIndex the index of the bridge it is a port of ({@code IFLA_MASTER}), 0 for none
 * @param up          whether it is administratively up ({@code IFF_UP} in {@code ifi_flags})
 * @param operState   the operational state ({@code IFLA_OPERSTATE})
 * @param stats       the traffic counters ({@code IFLA_STATS64})
 * @param alias       the alias ({@code IFLA_IFALIAS}, {@code ip link set NAME alias TEXT}); empty when it has none
 * @param group       the device group ({@code IFLA_GROUP}, {@code ip link set NAME group G}); 0, the default group,
 *                    when the kernel gave none. The kernel's u32, so a group from 2^31 on is negative here
 */
public record LinkAttrs(int index, String name, int mtu, @Nullable MacAddress mac, int masterIndex, boolean up,
        OperState operState, LinkStats stats, String alias, int group) {

    /** Checks the index and the name, and rejects null values where a value is required. */
    public LinkAttrs {
        if (index <= 0) {
            throw new IllegalArgumentException("link index must be positive, got " + index);
        }
        LinkNames.require(name);
        requireNonNull(operState, "operState");
        requireNonNull(stats, "stats");
        requireNonNull(alias, "alias");
    }

    /** The attributes of a link in the default group. */
    public LinkAttrs(int index, String name, int mtu, @Nullable MacAddress mac, int masterIndex, boolean up,
            OperState operState, LinkStats stats, String alias) {
        this(index, name, mtu, mac, masterIndex, up, operState, stats, alias, 0);
    }

    /** The attributes of a link without an alias, in the default group. */
    public LinkAttrs(int index, String name, int mtu, @Nullable MacAddress mac, int masterIndex, boolean up,
            OperState operState, LinkStats stats) {
        this(index, name, mtu, mac, masterIndex, up, operState, stats, "", 0);
    }

    /** Returns a copy with the alias {@code newAlias}. */
    public LinkAttrs withAlias(String newAlias) {
        return new LinkAttrs(index, name, mtu, mac, masterIndex, up, operState, stats, newAlias, group);
    }

    /** Returns a copy in the device group {@code newGroup}. */
    public LinkAttrs withGroup(int newGroup) {
        return new LinkAttrs(index, name, mtu, mac, masterIndex, up, operState, stats, alias, newGroup);
    }
}
