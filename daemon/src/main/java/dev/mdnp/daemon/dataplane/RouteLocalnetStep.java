package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.RtNetlink;

/**
 * Lets the host's own connections to 127.0.0.1 be DNATed through a bridge to a published port
 * ({@code net.ipv4.conf.BRIDGE.route_localnet=1}); undo sets it back to 0. Set through rtnetlink, not
 * {@code /proc/sys}, which a managed Docker plugin sees read-only. The setting goes with the bridge, so a missing
 * bridge is already undone. The firewall drops anything addressed to 127.0.0.0/8 that comes in from the bridge, so
 * containers gain no way to the host's loopback services.
 */
final class RouteLocalnetStep implements Step {

    private final String bridge;

    RouteLocalnetStep(String bridge) {
        this.bridge = requireNonNull(bridge, "bridge");
    }

    @Override
    public String operation() {
        return "enable route_localnet";
    }

    @Override
    public String target() {
        return bridge;
    }

    @Override
    public void apply(RtNetlink rtnl) {
        rtnl.links().setRouteLocalnet(bridge, true);
    }

    @Override
    public void undo(RtNetlink rtnl) {
        Gone.tolerate(() -> rtnl.links().setRouteLocalnet(bridge, false));
    }
}
