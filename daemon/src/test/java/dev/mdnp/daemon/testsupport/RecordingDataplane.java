package dev.mdnp.daemon.testsupport;

import dev.mdnp.daemon.dataplane.BridgeSpec;
import dev.mdnp.daemon.dataplane.Dataplane;
import dev.mdnp.daemon.dataplane.DataplaneException;
import dev.mdnp.daemon.dataplane.EndpointPorts;
import dev.mdnp.daemon.dataplane.KernelOpListener;
import dev.mdnp.daemon.dataplane.PortRequest;
import dev.mdnp.daemon.dataplane.PortUnavailableException;
import dev.mdnp.daemon.dataplane.PublishedPort;
import dev.mdnp.daemon.dataplane.RestoreReport;
import dev.mdnp.daemon.dataplane.RestoredEndpoint;
import dev.mdnp.daemon.dataplane.VethSpec;
import dev.mdnp.daemon.dataplane.firewall.FirewallReport;
import dev.mdnp.daemon.dataplane.firewall.MissingRules;
import java.util.ArrayList;
import java.util.List;

/**
 * A dataplane double for driver and API unit tests: remembers each call as a line such as
 * {@code createEndpoint mdnphe0b0a8e294/mdnpce0b0a8e294 on mdnpb8f6511a52a mtu 0}, and can be told to fail. The
 * real dataplane is tested against the kernel in {@code NetlinkDataplaneKernelTest}.
 */
public final class RecordingDataplane implements Dataplane {

    private final List<String> calls = new ArrayList<>();
    private String failing = "";
    private int nextEphemeral = 32768;

    /** Makes every later call of the named method fail, as a kernel refusal would. */
    public synchronized void fail(String method) {
        failing = method;
    }

    /** Returns the calls so far. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public synchronized void createNetwork(BridgeSpec spec, KernelOpListener listener) {
        record("createNetwork", spec.bridge() + " mtu " + spec.mtu() + " " + spec.gateways());
    }

    @Override
    public synchronized void deleteNetwork(BridgeSpec spec, KernelOpListener listener) {
        record("deleteNetwork", spec.bridge());
    }

    @Override
    public synchronized void createEndpoint(VethSpec spec, KernelOpListener listener) {
        record("createEndpoint", spec.hostName() + "/" + spec.containerName() + " on " + spec.bridge() + " mtu "
                + spec.mtu() + " mac " + spec.containerMac());
    }

    @Override
    public synchronized void deleteEndpoint(VethSpec spec, KernelOpListener listener) {
        record("deleteEndpoint", spec.hostName() + "/" + spec.containerName());
    }

    @Override
    public synchronized RestoreReport restore(List<BridgeSpec> networks, List<RestoredEndpoint> endpoints,
            KernelOpListener listener) {
        record("restore", networks.stream().map(BridgeSpec::bridge).sorted().toList() + " "
                + endpoints.stream().map(e -> e.veth().hostName() + (e.joined() ? " joined" : "")).sorted().toList()
);
        return new RestoreReport(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());
    }

    /**
     * Records the call and publishes every request on IPv4 (and IPv6 when the endpoint has it) at its host port, or
     * at 32768, 32769, … for port 0. Told to fail, it fails as a taken host port does.
     */
    @Override
    public synchronized List<PublishedPort> publishPorts(EndpointPorts endpoint, List<PortRequest> requests,
            KernelOpListener listener) {
        if (failing.equals("publishPorts")) {
            throw new DataplaneException("reserve host ports: taken", true,
                    new PortUnavailableException("cannot publish tcp port 8080 on 0.0.0.0: port is already in use"));
        }
        List<PublishedPort> published = new ArrayList<>();
        for (PortRequest request : requests) {
            int hostPort = request.hostPort() == 0 ? nextEphemeral++ : request.hostPort();
            String hostIp = request.hostIp().isEmpty() ? "0.0.0.0" : request.hostIp();
            published.add(new PublishedPort(request.protocol(), hostIp, hostPort, endpoint.containerIpv4(),
                    request.containerPort(), false));
        }
        record("publishPorts", endpoint.endpointId() + " " + published);
        return List.copyOf(published);
    }

    @Override
    public synchronized void unpublishPorts(EndpointPorts endpoint, List<PublishedPort> published,
            KernelOpListener listener) {
        record("unpublishPorts", endpoint.endpointId() + " " + published);
    }

    @Override
    public synchronized FirewallReport repairFirewall() {
        record("repairFirewall", "");
        return new FirewallReport(List.of(), List.of(), false);
    }

    @Override
    public synchronized List<MissingRules> checkFirewall() {
        record("checkFirewall", "");
        return List.of();
    }

    private void record(String method, String detail) {
        if (failing.equals(method)) {
            String message = method + " " + detail + ": file exists (EEXIST)";
            throw new DataplaneException(message, true, new IllegalStateException(message));
        }
        calls.add(method + " " + detail);
    }
}
