package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.dataplane.firewall.FirewallReport;
import dev.mdnp.daemon.dataplane.firewall.MissingRules;
import dev.mdnp.daemon.netlink.testsupport.PrivateNetns;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A real dataplane whose every call runs on a private namespace's thread, as the daemon's threads all run in its own
 * namespace: sysctl files and the sockets that hold published ports belong to the calling thread's namespace, and
 * the dataplane refuses work from another one. Exceptions come out unchanged.
 */
public final class InNamespaceDataplane implements Dataplane {

    private final PrivateNetns netns;
    private final Dataplane dataplane;

    /** Runs every call of {@code dataplane} on the thread of {@code netns}. */
    public InNamespaceDataplane(PrivateNetns netns, Dataplane dataplane) {
        this.netns = requireNonNull(netns, "netns");
        this.dataplane = requireNonNull(dataplane, "dataplane");
    }

    @Override
    public void createNetwork(BridgeSpec spec, KernelOpListener listener) {
        run(() -> dataplane.createNetwork(spec, listener));
    }

    @Override
    public void deleteNetwork(BridgeSpec spec, KernelOpListener listener) {
        run(() -> dataplane.deleteNetwork(spec, listener));
    }

    @Override
    public void createEndpoint(VethSpec spec, KernelOpListener listener) {
        run(() -> dataplane.createEndpoint(spec, listener));
    }

    @Override
    public void deleteEndpoint(VethSpec spec, KernelOpListener listener) {
        run(() -> dataplane.deleteEndpoint(spec, listener));
    }

    @Override
    public List<PublishedPort> publishPorts(EndpointPorts endpoint, List<PortRequest> requests,
            KernelOpListener listener) {
        return call(() -> dataplane.publishPorts(endpoint, requests, listener));
    }

    @Override
    public void unpublishPorts(EndpointPorts endpoint, List<PublishedPort> published, KernelOpListener listener) {
        run(() -> dataplane.unpublishPorts(endpoint, published, listener));
    }

    @Override
    public RestoreReport restore(List<BridgeSpec> networks, List<RestoredEndpoint> endpoints,
            KernelOpListener listener) {
        return call(() -> dataplane.restore(networks, endpoints, listener));
    }

    @Override
    public FirewallReport repairFirewall() {
        return call(dataplane::repairFirewall);
    }

    @Override
    public List<MissingRules> checkFirewall() {
        return call(dataplane::checkFirewall);
    }

    private void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    private <T> T call(Callable<T> work) {
        try {
            return netns.inside(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("namespace thread failed", e);
        }
    }
}
