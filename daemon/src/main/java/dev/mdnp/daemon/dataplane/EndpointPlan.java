package dev.mdnp.daemon.dataplane;

import dev.mdnp.daemon.netlink.MacAddress;
import dev.mdnp.daemon.netlink.VethPair;
import java.util.List;

/**
 * The steps that build an endpoint in the kernel, in order: the veth pair (MTU on both ends, MAC on the container
 * end), the host end attached to the bridge, the host end up; and the step whose undo tears it down.
 */
final class EndpointPlan {

    private final CreateVethStep veth;
    private final EnslavePortStep port;
    private final LinkUpStep up;

    EndpointPlan(VethSpec spec, Ownership ownership) {
        VethPair pair = VethPair.of(spec.hostName(), spec.containerName())
                .withGroup(ownership.group())
                .withMtu(spec.mtu())
                .withPeerMac(MacAddress.parse(spec.containerMac()));
        veth = new CreateVethStep(pair, ownership);
        port = new EnslavePortStep(spec.hostName(), spec.bridge());
        up = new LinkUpStep(spec.hostName());
    }

    List<Step> build() {
        return List.of(veth, port, up);
    }

    List<Step> teardown() {
        return List.of(veth);
    }
}
