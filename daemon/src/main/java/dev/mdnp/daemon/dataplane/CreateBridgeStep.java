package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.Link;
import dev.mdnp.daemon.netlink.RtNetlink;
import java.util.Optional;

/**
 * Creates a network's bridge with its MTU in the daemon's device group ({@code ip link add NAME [mtu M] group G type
 * bridge}) and names the daemon in its alias; undo deletes it, which also detaches its ports, but only while it is in
 * the daemon's groups: a link of the same name that another daemon (or anyone) made is left alone. Gone looks like
 * ENODEV.
 */
final class CreateBridgeStep implements Step {

    private final String bridge;
    private final int mtu;
    private final Ownership ownership;

    CreateBridgeStep(String bridge, int mtu, Ownership ownership) {
        this.bridge = requireNonNull(bridge, "bridge");
        this.mtu = mtu;
        this.ownership = requireNonNull(ownership, "ownership");
    }

    @Override
    public String operation() {
        return "create bridge";
    }

    @Override
    public String target() {
        return bridge;
    }

    @Override
    public void apply(RtNetlink rtnl) {
        rtnl.links().createBridge(bridge, Math.max(mtu, 0), ownership.group());
        rtnl.links().setAlias(bridge, ownership.alias());
    }

    @Override
    public void undo(RtNetlink rtnl) {
        Optional<Link> link = rtnl.links().get(bridge);
        if (link.isPresent() && ownership.owns(link.get().group())) {
            Gone.tolerate(() -> rtnl.links().delete(link.get().index()));
        }
    }
}
