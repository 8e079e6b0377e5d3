package dev.mdnp.daemon.netlink;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * What {@link LinkOps#createVeth} creates: a veth pair's two names, the MTU of both ends and the MAC of each end.
 *
 * <pre>{@code
 * VethPair.of("mdnph1234", "mdnpc1234").withMtu(1400).withPeerMac(MacAddress.parse("02:42:ac:11:00:02"))
 * }</pre>
 *
 * @param name     the name of the first end, at most 15 bytes
 * @param peerName the name of the other end, at most 15 bytes, different from {@code name}
 * @param mtu      the MTU of both ends; 0 for the kernel's default
 * @param mac      the first end's MAC; null for a random one
 * @param peerMac  the other end's MAC; null for a random one
 */
public record VethPair(String name, String peerName, int mtu, @Nullable MacAddress mac,
        @Nullable MacAddress peerMac) {

    /** Checks both names and the MTU. */
    public VethPair {
        LinkNames.require(requireNonNull(name, "name"));
        LinkNames.require(requireNonNull(peerName, "peerName"));
        if (name.equals(peerName)) {
            throw new IllegalArgumentException("both ends of a veth pair are named " + name);
        }
        if (mtu < 0) {
            throw new IllegalArgumentException("mtu must not be negative, got " + mtu);
        }
    }

    /** Returns a pair with the kernel's default MTU and random MACs. */
    public static VethPair of(String name, String peerName) {
        return new VethPair(name, peerName, 0, null, null);
    }

    /** Returns a copy with the MTU of both ends. */
    public VethPair withMtu(int newMtu) {
        return new VethPair(name, peerName, newMtu, mac, peerMac);
    }

    /** Returns a copy with the first end's MAC. */
    public VethPair withMac(@Nullable MacAddress newMac) {
        return new VethPair(name, peerName, mtu, newMac, peerMac);
    }

    /** Returns a copy with the other end's MAC. */
    public VethPair withPeerMac(@Nullable MacAddress newPeerMac) {
        return new VethPair(name, peerName, mtu, mac, newPeerMac);
    }
}
