package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.RtNetlink;

/**
 * Marks a link for deletion by moving it into mdnp's doomed device group ({@code ip link set NAME group G}), for
 * the {@link LinkReaper} to delete in a batch; undo moves it back to the default group. A veth's host end is enough:
 * deleting it deletes its peer. Gone looks like ENODEV and counts as done.
 */
final class DoomLinkStep implements Step {

    private static final int DEFAULT_GROUP = 0;

    private final String link;

    DoomLinkStep(String link) {
        this.link = requireNonNull(link, "link");
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
        Gone.tolerate(() -> rtnl.links().setGroup(link, LinkReaper.DOOMED_GROUP));
    }

    @Override
    public void undo(RtNetlink rtnl) {
        Gone.tolerate(() -> rtnl.links().setGroup(link, DEFAULT_GROUP));
    }
}
