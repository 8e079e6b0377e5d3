package dev.mdnp.daemon.netlink;

import org.jspecify.annotations.Nullable;

/**
 * A network interface in the kernel, of one of the kinds mdnp tells apart: {@link BridgeLink}, {@link VethLink}, or
 * {@link OtherLink} for everything else. Read with {@link LinkOps#get(String)} and {@link LinkOps#list()}, or from a
 * {@link LinkEvent}.
 */
public sealed interface Link permits BridgeLink, VethLink, OtherLink {

    /** Returns the attributes every link has. */
    LinkAttrs attrs();

    /** Returns the link kind ({@code IFLA_INFO_KIND}), such as {@code "bridge"}; empty when the kernel gave none. */
    String kind();

    /** Returns the link index. */
    default int index() {
        return attrs().index();
    }

    /** Returns the name. */
    default String name() {
        return attrs().name();
    }

    /** Returns the MTU. */
    default int mtu() {
        return attrs().mtu();
    }

    /** Returns the hardware address, or null when the link has none. */
    default @Nullable MacAddress mac() {
        return attrs().mac();
    }

    /** Returns the index of the link's master, 0 for none. */
    default int masterIndex() {
        return attrs().masterIndex();
    }

    /** Returns whether the link is administratively up. */
    default boolean up() {
        return attrs().up();
    }

    /** Returns the alias ({@code IFLA_IFALIAS}), empty when the link has none. */
    default String alias() {
        return attrs().alias();
    }

    /** Returns the device group ({@code IFLA_GROUP}), 0 for the default group. */
    default int group() {
        return attrs().group();
    }
}
