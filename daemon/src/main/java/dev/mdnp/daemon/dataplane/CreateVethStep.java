package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.RtNetlink;
import dev.mdnp.daemon.netlink.VethPair;

/**
 * Creates an endpoint's veth pair, both ends with the network's MTU and the container end with its MAC; undo deletes
 * the host end, which deletes both. Gone looks like ENODEV.
 */
final class CreateVethStep implements Step {

    private final VethPair pair;

    CreateVethStep(VethPair pair) {
        this.pair = requireNonNull(pair, "pair");
    }

    @Override
    public String operation() {
        return "create veth";
    }

    @Override
    public String target() {
        return pair.name() + "/" + pair.peerName();
    }

    @Override
    public void apply(RtNetlink rtnl) {
        rtnl.links().createVeth(pair);
    }

    @Override
    public void undo(RtNetlink rtnl) {
        // After Leave, Docker renames the container end back but the pair stays joined: either end removes both.
        Gone.tolerate(() -> rtnl.links().delete(pair.name()));
        Gone.tolerate(() -> rtnl.links().delete(pair.peerName()));
    }
}
