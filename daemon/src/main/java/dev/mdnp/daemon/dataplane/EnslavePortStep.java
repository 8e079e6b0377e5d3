package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.RtNetlink;

/** Attaches a port to a bridge ({@code ip link set PORT master BRIDGE}); undo detaches it. Gone looks like ENODEV. */
final class EnslavePortStep implements Step {

    private final String port;
    private final String bridge;

    EnslavePortStep(String port, String bridge) {
        this.port = requireNonNull(port, "port");
        this.bridge = requireNonNull(bridge, "bridge");
    }

    @Override
    public String operation() {
        return "set master " + bridge;
    }

    @Override
    public String target() {
        return port;
    }

    @Override
    public void apply(RtNetlink rtnl) {
        rtnl.links().setMaster(port, bridge);
    }

    @Override
    public void undo(RtNetlink rtnl) {
        Gone.tolerate(() -> rtnl.links().setNoMaster(port));
    }
}
