package dev.mdnp.daemon.netlink;

import static java.util.Objects.requireNonNull;

/**
 * A link of any kind but bridge and veth, such as {@code lo} or a physical NIC.
 *
 * @param attrs the attributes every link has
 * @param kind  the kind ({@code IFLA_INFO_KIND}), such as {@code "dummy"}; empty for links without one, such as
 *              {@code lo} and physical NICs
 */
public record OtherLink(LinkAttrs attrs, String kind) implements Link {

    /** Rejects null. */
    public OtherLink {
        requireNonNull(attrs, "attrs");
        requireNonNull(kind, "kind");
    }
}
