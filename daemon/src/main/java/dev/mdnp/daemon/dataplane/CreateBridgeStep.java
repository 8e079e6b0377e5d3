package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.RtNetlink;

/**
 * Creates a network's bridge with its MTU ({@code ip link add NAME [mtu M] type bridge}); undo deletes it, which also
 * detaches its ports. Already done looks like a bridge of that name; gone looks like ENODEV.
 */
final class CreateBridgeStep implements Step {

    private final String bridge;
    private final int mtu;

    CreateBridgeStep(String bridge, int mtu) {
        this.bridge = requireNonNull(bridge, "bridge");
        this.mtu = mtu;
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
        if (mtu > 0) {
            rtnl.links().createBridge(bridge, mtu);
        } else {
            rtnl.links().createBridge(bridge);
        }
    }

    @Override
    public void undo(RtNetlink rtnl) {
        Gone.tolerate(() -> rtnl.links().delete(bridge));
    }
}
