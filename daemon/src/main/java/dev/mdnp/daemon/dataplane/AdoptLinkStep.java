package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.RtNetlink;

/**
 * Takes over a link the daemon's state names but that carries no owner's mark, as a release without device groups
 * left it: moves it into the daemon's group ({@code ip link set NAME group G}), and names the daemon in the alias of a
 * bridge. Undo moves it back to the default group. Already done is a link in the daemon's group.
 */
final class AdoptLinkStep implements Step {

    private static final int DEFAULT_GROUP = 0;

    private final String link;
    private final boolean bridge;
    private final Ownership ownership;

    AdoptLinkStep(String link, boolean bridge, Ownership ownership) {
        this.link = requireNonNull(link, "link");
        this.bridge = bridge;
        this.ownership = requireNonNull(ownership, "ownership");
    }

    @Override
    public String operation() {
        return "take over";
    }

    @Override
    public String target() {
        return link;
    }

    @Override
    public void apply(RtNetlink rtnl) {
        rtnl.links().setGroup(link, ownership.group());
        if (bridge) {
            rtnl.links().setAlias(link, ownership.alias());
        }
    }

    @Override
    public void undo(RtNetlink rtnl) {
        Gone.tolerate(() -> rtnl.links().setGroup(link, DEFAULT_GROUP));
    }
}
