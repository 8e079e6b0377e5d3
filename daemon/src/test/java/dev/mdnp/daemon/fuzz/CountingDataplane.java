package dev.mdnp.daemon.fuzz;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.dataplane.BridgeSpec;
import dev.mdnp.daemon.dataplane.Dataplane;
import dev.mdnp.daemon.dataplane.EndpointPorts;
import dev.mdnp.daemon.dataplane.KernelOpListener;
import dev.mdnp.daemon.dataplane.PortRequest;
import dev.mdnp.daemon.dataplane.PublishedPort;
import dev.mdnp.daemon.dataplane.RestoreReport;
import dev.mdnp.daemon.dataplane.RestoredEndpoint;
import dev.mdnp.daemon.dataplane.VethSpec;
import dev.mdnp.daemon.dataplane.firewall.FirewallReport;
import dev.mdnp.daemon.dataplane.firewall.MissingRules;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Passes every call on to the real dataplane and counts the calls that may change the kernel: all of them in
 * {@link #kernelCalls()}, those that may also change firewall rules in {@link #firewallCalls()}. The fuzzer lists the
 * firewall (two processes) after a call only when the count says the call reached the dataplane: the dataplane is
 * the driver's only way into the kernel.
 *
 * <p>Thread-safe: the counters are atomic, the calls go on unchanged.
 */
final class CountingDataplane implements Dataplane {

    private final Dataplane dataplane;
    private final AtomicLong kernelCalls = new AtomicLong();
    private final AtomicLong firewallCalls = new AtomicLong();

    CountingDataplane(Dataplane dataplane) {
        this.dataplane = requireNonNull(dataplane, "dataplane");
    }

    /** Returns how many calls that may change links, addresses, sockets or rules have started. */
    long kernelCalls() {
        return kernelCalls.get();
    }

    /** Returns how many calls that may change firewall rules have started. */
    long firewallCalls() {
        return firewallCalls.get();
    }

    @Override
    public void createNetwork(BridgeSpec spec, KernelOpListener listener) {
        firewall();
        dataplane.createNetwork(spec, listener);
    }

    @Override
    public void deleteNetwork(BridgeSpec spec, KernelOpListener listener) {
        firewall();
        dataplane.deleteNetwork(spec, listener);
    }

    @Override
    public void createEndpoint(VethSpec spec, KernelOpListener listener) {
        kernelCalls.incrementAndGet();
        dataplane.createEndpoint(spec, listener);
    }

    @Override
    public void deleteEndpoint(VethSpec spec, KernelOpListener listener) {
        kernelCalls.incrementAndGet();
        dataplane.deleteEndpoint(spec, listener);
    }

    @Override
    public List<PublishedPort> publishPorts(EndpointPorts endpoint, List<PortRequest> requests,
            KernelOpListener listener) {
        firewall();
        return dataplane.publishPorts(endpoint, requests, listener);
    }

    @Override
    public void unpublishPorts(EndpointPorts endpoint, List<PublishedPort> published, KernelOpListener listener) {
        firewall();
        dataplane.unpublishPorts(endpoint, published, listener);
    }

    @Override
    public RestoreReport restore(List<BridgeSpec> networks, List<RestoredEndpoint> endpoints,
            KernelOpListener listener) {
        firewall();
        return dataplane.restore(networks, endpoints, listener);
    }

    @Override
    public FirewallReport repairFirewall() {
        firewall();
        return dataplane.repairFirewall();
    }

    @Override
    public List<MissingRules> checkFirewall() {
        return dataplane.checkFirewall();
    }

    private void firewall() {
        kernelCalls.incrementAndGet();
        firewallCalls.incrementAndGet();
    }
}
