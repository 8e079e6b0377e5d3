package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.RtNetlink;

/**
 * Makes a bridge port isolated ({@code ip link set PORT type bridge_slave isolated on}): it can no longer reach the
 * bridge's other isolated ports, only the bridge itself, which is how a network without ICC keeps its containers
 * apart at layer 2 (the firewall's ICC rule needs br_netfilter to see bridged frames). Undo ends the isolation; a
 * port that is gone is already undone. Applying it twice is harmless.
 */
final class IsolatePortStep implements Step {

    private final String port;

    IsolatePortStep(String port) {
        this.port = requireNonNull(port, "port");
    }

    @Override
    public String operation() {
        return "isolate port";
    }

    @Override
    public String target() {
        return port;
    }

    @Override
    public void apply(RtNetlink rtnl) {
        rtnl.links().setPortIsolated(port, true);
    }

    @Override
    public void undo(RtNetlink rtnl) {
        Gone.tolerate(() -> rtnl.links().setPortIsolated(port, false));
    }
}
