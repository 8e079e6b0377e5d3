package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.RtNetlink;

/**
 * Marks one of the daemon's links for deletion by moving it from its device group into its doomed group ({@code ip
 * link set NAME group G}), for the {@link LinkReaper} to delete in a batch; undo moves it back. A veth's host end is
 * enough: deleting it deletes its peer. Gone looks like ENODEV and counts as done; a link of that name in another
 * group is not the daemon's and is left alone.
 */
final class DoomLinkStep implements Step {

    private final String link;
    private final Ownership ownership;

    DoomLinkStep(String link, Ownership ownership) {
        this.link = requireNonNull(link, "link");
        this.ownership = requireNonNull(ownership, "ownership");
    }

    @Override
    public String operation() {
        return "mark for deletion";
    }

    @Override
    public String target() {
        return link;
    }

    @Override
    public void apply(RtNetlink rtnl) {
        move(rtnl, ownership.group(), ownership.doomedGroup());
    }

    @Override
    public void undo(RtNetlink rtnl) {
        move(rtnl, ownership.doomedGroup(), ownership.group());
    }

    private void move(RtNetlink rtnl, int from, int to) {
        rtnl.links().get(link).filter(found -> found.group() == from)
                .ifPresent(found -> Gone.tolerate(() -> rtnl.links().setGroup(link, to)));
    }
}
