package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.RtNetlink;

/** Brings a link up ({@code ip link set NAME up}); undo brings it down. Gone looks like ENODEV. */
final class LinkUpStep implements Step {

    private final String link;

    LinkUpStep(String link) {
        this.link = requireNonNull(link, "link");
    }

    @Override
    public String operation() {
        return "set up";
    }

    @Override
    public String target() {
        return link;
    }

    @Override
    public void apply(RtNetlink rtnl) {
        rtnl.links().setUp(link);
    }

    @Override
    public void undo(RtNetlink rtnl) {
        Gone.tolerate(() -> rtnl.links().setDown(link));
    }
}
