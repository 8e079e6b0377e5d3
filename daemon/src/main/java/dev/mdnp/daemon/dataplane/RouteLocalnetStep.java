package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.RtNetlink;

/**
 * Lets the host's own connections to 127.0.0.1 be DNATed through a bridge to a published port
 * ({@code sysctl net.ipv4.conf.BRIDGE.route_localnet=1}); undo sets it back to 0. The setting goes with the bridge,
 * so a missing bridge is already undone. The firewall drops anything addressed to 127.0.0.0/8 that comes in from the
 * bridge, so containers gain no way to the host's loopback services.
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
        OwnNamespace.require(rtnl, operation());
        Sysctl.routeLocalnet(bridge).write("1");
    }

    @Override
    public void undo(RtNetlink rtnl) {
        OwnNamespace.require(rtnl, "undo " + operation());
        Sysctl setting = Sysctl.routeLocalnet(bridge);
        if (setting.exists()) {
            setting.write("0");
        }
    }
}
