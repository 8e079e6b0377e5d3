package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.dataplane.firewall.Firewall;
import dev.mdnp.daemon.netlink.NetlinkException;
import dev.mdnp.daemon.netlink.RtNetlink;
import dev.mdnp.daemon.netlink.wire.Errno;
import java.util.List;

/**
 * The dataplane of one network namespace, built through rtnetlink and the firewall. Endpoint veths are deleted in
 * the background by a {@link LinkReaper}, off Docker's critical path.
 *
 * <p>Thread-safe: the netlink handle and firewall are thread-safe. Callers keep two calls about the same object from
 * running at once. It owns the reaper's thread, not the handle or the firewall; {@link #close()} finishes queued
 * deletions.
 */
public final class NetlinkDataplane implements Dataplane, AutoCloseable {

    private final StepRunner runner;
    private final Firewall firewall;
    private final LinkReaper reaper;

    /** Creates a dataplane over a netlink handle and a firewall. */
    public NetlinkDataplane(RtNetlink rtnl, Firewall firewall) {
        this.runner = new StepRunner(requireNonNull(rtnl, "rtnl"));
        this.firewall = requireNonNull(firewall, "firewall");
        this.reaper = new LinkReaper(rtnl);
        reaper.reap(); // links doomed before a crash
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

    /** Marks the veth pair for deletion and returns; the {@link LinkReaper} deletes it in the next batch. */
    @Override
    public void deleteEndpoint(VethSpec spec, KernelOpListener listener) {
        runner.apply(List.of(new DoomLinkStep(spec.hostName())), listener);
        reaper.reap();
    }

    /** Deletes the doomed links, waiting up to 30 s. */
    @Override
    public void close() {
        reaper.close();
    }
}
