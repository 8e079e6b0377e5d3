package dev.mdnp.daemon.netlink;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.wire.IflaInfo;

/**
 * One end of a veth pair ({@code IFLA_INFO_KIND "veth"}).
 *
 * @param attrs     the attributes every link has
 * @param peerIndex the index of the other end ({@code IFLA_LINK}) when it is in the same namespace; 0 when it is
 *                  unknown or in another namespace ({@code IFLA_LINK_NETNSID} present)
 */
public record VethLink(LinkAttrs attrs, int peerIndex) implements Link {

    /** Rejects null and a negative peer index. */
    public VethLink {
        requireNonNull(attrs, "attrs");
        if (peerIndex < 0) {
            throw new IllegalArgumentException("peer index must not be negative, got " + peerIndex);
        }
    }

    @Override
    public String kind() {
        return IflaInfo.KIND_VETH;
    }
}
