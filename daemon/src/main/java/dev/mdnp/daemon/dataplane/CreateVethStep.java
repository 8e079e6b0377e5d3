package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.netlink.RtNetlink;
import java.util.List;
import dev.mdnp.daemon.netlink.VethPair;

/**
 * Creates an endpoint's veth pair, both ends with the network's MTU and in the daemon's device group (the pair's
 * group), the container end with its MAC; undo deletes whichever end is still the daemon's, which deletes both. Gone
 * looks like ENODEV; a link of the same name in another group is not the daemon's and is left alone.
 */
final class CreateVethStep implements Step {

    private final VethPair pair;
    private final Ownership ownership;

    CreateVethStep(VethPair pair, Ownership ownership) {
        this.pair = requireNonNull(pair, "pair");
        this.ownership = requireNonNull(ownership, "ownership");
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
        for (String end : List.of(pair.name(), pair.peerName())) {
            rtnl.links().get(end).filter(link -> ownership.owns(link.group()))
                    .ifPresent(link -> Gone.tolerate(() -> rtnl.links().delete(link.index())));
        }
    }
}
