package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.dataplane.firewall.Firewall;
import dev.mdnp.daemon.netlink.NetlinkException;
import dev.mdnp.daemon.netlink.RtNetlink;
import dev.mdnp.daemon.netlink.wire.Errno;

/**
 * The dataplane of one network namespace, built through rtnetlink and the firewall.
 *
 * <p>Thread-safe: it holds no state, and the netlink handle and firewall are thread-safe. Callers keep two calls
 * about the same object from running at once.
 */
public final class NetlinkDataplane implements Dataplane {

    private final StepRunner runner;
    private final Firewall firewall;

    /** Creates a dataplane over a netlink handle and a firewall; it owns neither. */
    public NetlinkDataplane(RtNetlink rtnl, Firewall firewall) {
        this.runner = new StepRunner(requireNonNull(rtnl, "rtnl"));
        this.firewall = requireNonNull(firewall, "firewall");
    }

    @Override
    public void createNetwork(BridgeSpec spec, KernelOpListener listener) {
        runner.apply(new NetworkPlan(spec, firewall).build(), listener);
    }

    @Override
    public void deleteNetwork(BridgeSpec spec, KernelOpListener listener) {
        runner.undo(new NetworkPlan(spec, firewall).teardown(), listener);
    }

    @Override
    public void createEndpoint(VethSpec spec, KernelOpListener listener) {
        EndpointPlan plan = new EndpointPlan(spec);
        try {
            runner.apply(plan.build(), listener);
        } catch (DataplaneException e) {
            if (!(e.getCause() instanceof NetlinkException cause) || cause.errno() != Errno.EEXIST) {
                throw e;
            }
            runner.undo(plan.teardown(), listener);
            runner.apply(plan.build(), listener);
        }
    }

    @Override
    public void deleteEndpoint(VethSpec spec, KernelOpListener listener) {
        runner.undo(new EndpointPlan(spec).teardown(), listener);
    }
}
