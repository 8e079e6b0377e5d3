package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.dataplane.firewall.Firewall;
import dev.mdnp.daemon.dataplane.firewall.FirewallException;
import dev.mdnp.daemon.dataplane.firewall.FirewallReport;
import dev.mdnp.daemon.dataplane.firewall.MissingRules;
import dev.mdnp.daemon.netlink.NetlinkException;
import dev.mdnp.daemon.netlink.RtNetlink;
import dev.mdnp.daemon.netlink.VethLink;
import dev.mdnp.daemon.netlink.wire.Errno;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dataplane of one network namespace, built through rtnetlink and the firewall. Endpoint veths are deleted in
 * the background by a {@link LinkReaper}, off Docker's critical path; published host ports are held by
 * {@link PortReservations}.
 *
 * <p>Thread-safe: the netlink handle, firewall and reservations are thread-safe. Callers keep two calls about the
 * same object from running at once. It owns the reaper's thread and the held ports, not the handle or the firewall;
 * {@link #close()} finishes queued deletions and releases the ports.
 */
public final class NetlinkDataplane implements Dataplane, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NetlinkDataplane.class);

    private final RtNetlink rtnl;
    private final StepRunner runner;
    private final Firewall firewall;
    private final Ownership ownership;
    private final LinkReaper reaper;
    private final PortReservations reservations = new PortReservations();
    private final KernelRestorer restorer;

    /** Creates the dataplane of the daemon {@code ownership} names, over a netlink handle and a firewall. */
    public NetlinkDataplane(RtNetlink rtnl, Firewall firewall, Ownership ownership) {
        this.rtnl = requireNonNull(rtnl, "rtnl");
        this.runner = new StepRunner(rtnl);
        this.firewall = requireNonNull(firewall, "firewall");
        this.ownership = requireNonNull(ownership, "ownership");
        this.reaper = new LinkReaper(() -> rtnl.links().deleteGroup(ownership.doomedGroup()));
        this.restorer = new KernelRestorer(rtnl, runner, this.firewall, reservations, ownership, this::createEndpoint);
        reaper.reapNow(); // links doomed before a crash, gone before a restore looks at the kernel
    }

    @Override
    public void createNetwork(BridgeSpec spec, KernelOpListener listener) {
        runner.apply(new NetworkPlan(spec, firewall, ownership).build(), listener);
    }

    @Override
    public void deleteNetwork(BridgeSpec spec, KernelOpListener listener) {
        runner.undo(new NetworkPlan(spec, firewall, ownership).teardown(), listener);
    }

    @Override
    public void createEndpoint(VethSpec spec, KernelOpListener listener) {
        EndpointPlan plan = new EndpointPlan(spec, ownership);
        try {
            runner.apply(plan.build(), listener);
        } catch (DataplaneException e) {
            if (!(e.getCause() instanceof NetlinkException cause) || cause.errno() != Errno.EEXIST
                    || !onlyVethsNamed(spec)) {
                throw e;
            }
            runner.undo(plan.teardown(), listener);
            runner.apply(plan.build(), listener);
        }
    }

    /** Marks the veth pair for deletion and returns; the {@link LinkReaper} deletes it in the next batch. */
    @Override
    public void deleteEndpoint(VethSpec spec, KernelOpListener listener) {
        runner.apply(List.of(new DoomLinkStep(spec.hostName(), ownership)), listener);
        reaper.reap();
    }

    @Override
    public List<PublishedPort> publishPorts(EndpointPorts endpoint, List<PortRequest> requests,
            KernelOpListener listener) {
        if (requests.isEmpty()) {
            return List.of();
        }
        List<PortBinding> bindings = requests.stream().map(request -> PortBinding.of(endpoint, request)).toList();
        ReservePortsStep reserve = new ReservePortsStep(reservations, endpoint.endpointId(), bindings);
        runner.apply(List.of(reserve, new PortRulesStep(firewall, endpoint, reserve::published)), listener);
        return reserve.published();
    }

    @Override
    public void unpublishPorts(EndpointPorts endpoint, List<PublishedPort> published, KernelOpListener listener) {
        runner.undo(List.of(new PortRulesStep(firewall, endpoint, () -> published),
                new ReservePortsStep(reservations, endpoint.endpointId(), List.of())), listener);
    }

    @Override
    public FirewallReport repairFirewall() {
        return firewall.repair();
    }

    @Override
    public List<MissingRules> checkFirewall() {
        return firewall.check();
    }

    @Override
    public RestoreReport restore(List<BridgeSpec> networks, List<RestoredEndpoint> endpoints,
            KernelOpListener listener) {
        return restorer.restore(networks, endpoints, listener);
    }

    /** Returns true when every link that has one of the endpoint's names is a veth: a leftover, safe to delete. */
    private boolean onlyVethsNamed(VethSpec spec) {
        return Stream.of(spec.hostName(), spec.containerName())
                .map(name -> rtnl.links().get(name))
                .allMatch(link -> link.isEmpty() || link.get() instanceof VethLink);
    }

    /**
     * Deletes the doomed links, waiting up to 30 s, releases the held host ports, and removes mdnp's chains when no
     * network's rules are left in them (a failure to is logged: the next start finds them).
     */
    @Override
    public void close() {
        reaper.close();
        reservations.close();
        try {
            if (firewall.removeIfUnused()) {
                log.debug("firewall chains kept: networks still have rules in them");
            }
        } catch (FirewallException e) {
            log.warn("could not remove mdnp's unused firewall chains: {}", e.getMessage());
        }
    }
}
