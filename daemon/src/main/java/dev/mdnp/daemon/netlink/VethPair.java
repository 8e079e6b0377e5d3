package dev.mdnp.daemon.netlink;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * What {@link LinkOps#createVeth} creates: a veth pair's two names, the MTU of both ends, the MAC of each end and the
 * device group of both ends.
 *
 * <pre>{@code
 * VethPair.of("mdnph1234", "mdnpc1234").withMtu(1400).withPeerMac(MacAddress.parse("02:42:ac:11:00:02"))
 *         .withGroup(28001)
 * }</pre>
 *
 * @param name     the name of the first end, at most 15 bytes
 * @param peerName the name of the other end, at most 15 bytes, different from {@code name}
 * @param mtu      the MTU of both ends; 0 for the kernel's default
 * @param mac      the first end's MAC; null for a random one
 * @param peerMac  the other end's MAC; null for a random one
 * @param group    the device group of both ends ({@code IFLA_GROUP}); 0 for the default group. Groups are u32 in
 *                 the kernel; those from 2^31 on (negative here) are refused
 */
public record VethPair(String name, String peerName, int mtu, @Nullable MacAddress mac,
        @Nullable MacAddress peerMac, int group) {

    /** Checks both names, the MTU and the group. */
    public VethPair {
        LinkNames.require(requireNonNull(name, "name"));
        LinkNames.require(requireNonNull(peerName, "peerName"));
        if (name.equals(peerName)) {
            throw new IllegalArgumentException("both ends of a veth pair are named " + name);
        }
        if (mtu < 0) {
            throw new IllegalArgumentException("mtu must not be negative, got " + mtu);
        }
        if (group < 0) {
            throw new IllegalArgumentException("device group must not be negative, got " + group);
        }
    }

    /** A pair in the default group. */
    public VethPair(String name, String peerName, int mtu, @Nullable MacAddress mac, @Nullable MacAddress peerMac) {
        this(name, peerName, mtu, mac, peerMac, 0);
    }

    /** Returns a pair with the kernel's default MTU, random MACs, in the default group. */
    public static VethPair of(String name, String peerName) {
        return new VethPair(name, peerName, 0, null, null, 0);
    }

    /** Returns a copy with the MTU of both ends. */
    public VethPair withMtu(int newMtu) {
        return new VethPair(name, peerName, newMtu, mac, peerMac, group);
    }

    /** Returns a copy with the first end's MAC. */
    public VethPair withMac(@Nullable MacAddress newMac) {
        return new VethPair(name, peerName, mtu, newMac, peerMac, group);
    }

    /** Returns a copy with the other end's MAC. */
    public VethPair withPeerMac(@Nullable MacAddress newPeerMac) {
        return new VethPair(name, peerName, mtu, mac, newPeerMac, group);
    }

    /** Returns a copy with the device group of both ends; 0 for the default group. */
    public VethPair withGroup(int newGroup) {
        return new VethPair(name, peerName, mtu, mac, peerMac, newGroup);
    }
}
