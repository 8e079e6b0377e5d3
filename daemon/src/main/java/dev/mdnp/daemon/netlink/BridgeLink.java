package dev.mdnp.daemon.netlink;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.wire.IflaInfo;

/**
 * A Linux bridge ({@code IFLA_INFO_KIND "bridge"}).
 *
 * @param attrs the attributes every link has
 */
public record BridgeLink(LinkAttrs attrs) implements Link {

    /** Rejects null. */
    public BridgeLink {
        requireNonNull(attrs, "attrs");
    }

    @Override
    public String kind() {
        return IflaInfo.KIND_BRIDGE;
    }
}
