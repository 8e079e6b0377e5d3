package dev.mdnp.daemon.driver;

import static java.util.Objects.requireNonNull;

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
import dev.mdnp.daemon.dataplane.firewall.FirewallException;
import dev.mdnp.daemon.dataplane.firewall.FirewallReport;
import dev.mdnp.daemon.dataplane.firewall.MissingRules;
import dev.mdnp.daemon.dataplane.firewall.Protocol;
import dev.mdnp.daemon.driver.DriverException.Reason;
import dev.mdnp.model.cnm.AllocateNetworkRequest;
import dev.mdnp.model.cnm.AllocateNetworkResponse;
import dev.mdnp.model.cnm.CreateEndpointRequest;
import dev.mdnp.model.cnm.CreateEndpointResponse;
import dev.mdnp.model.cnm.CreateNetworkRequest;
import dev.mdnp.model.cnm.DeleteEndpointRequest;
import dev.mdnp.model.cnm.DeleteNetworkRequest;
import dev.mdnp.model.cnm.DiscoveryNotification;
import dev.mdnp.model.cnm.EmptyResponse;
import dev.mdnp.model.cnm.EndpointInterface;
import dev.mdnp.model.cnm.EndpointOperInfoRequest;
import dev.mdnp.model.cnm.EndpointOperInfoResponse;
import dev.mdnp.model.cnm.FreeNetworkRequest;
import dev.mdnp.model.cnm.GetCapabilitiesResponse;
import dev.mdnp.model.cnm.InterfaceName;
import dev.mdnp.model.cnm.JoinRequest;
import dev.mdnp.model.cnm.JoinResponse;
import dev.mdnp.model.cnm.LeaveRequest;
import dev.mdnp.model.cnm.OptionKeys;
import dev.mdnp.model.cnm.ProgramExternalConnectivityRequest;
import dev.mdnp.model.cnm.RevokeExternalConnectivityRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CNM network driver: one method per {@code NetworkDriver.*} call of cnm-remote-api.md §2. A network is a bridge,
 * an endpoint a veth pair, both built by the {@link Dataplane}.
 *
 * <p>Every change goes to the kernel first, then to the {@link DriverJournal}, then to memory. A create whose journal
 * call fails is undone in the kernel, so it changes nothing; a delete whose journal call fails has already removed
 * the kernel objects but keeps the record in the store and in memory, so that Docker's retry completes it.
 *
 * <p>Thread-safe: Docker calls it concurrently. Calls that change something hold one lock from the state check,
 * through the kernel work and the journal, to the state change. Deletes of unknown ids succeed, as Docker expects
 * (§7.12), and still remove links named after those ids, unless a known network or endpoint has that name (link
 * names hold only the first 10 characters of an id).
 */
public final class NetworkDriver {

    private static final Logger log = LoggerFactory.getLogger(NetworkDriver.class);
    private static final String CONTAINER_IFACE_PREFIX = "eth";

    private final DriverState state;
    private final Dataplane dataplane;
    private final DriverJournal journal;
    private final KernelOpListener kernelOps;
    private final Object changes = new Object();

    /** Creates a driver over the given state and dataplane that records its changes in {@code journal}. */
    public NetworkDriver(DriverState state, Dataplane dataplane, DriverJournal journal) {
        this(state, dataplane, journal, KernelOpListener.NONE);
    }

    /**
     * Creates a driver that also reports every kernel operation it causes to {@code kernelOps}, on the thread of the
     * call that caused it: the request log's kernel trace.
     */
    public NetworkDriver(DriverState state, Dataplane dataplane, DriverJournal journal, KernelOpListener kernelOps) {
        this.state = requireNonNull(state, "state");
        this.dataplane = requireNonNull(dataplane, "dataplane");
        this.journal = requireNonNull(journal, "journal");
        this.kernelOps = requireNonNull(kernelOps, "kernelOps");
    }

    /**
     * Brings the kernel in line with the driver's state at start, before the first call: see
     * {@link Dataplane#restore}. This daemon's links that the state does not know are deleted, no one else's.
     *
     * @throws DriverException when the kernel refuses a change
     */
    public RestoreReport restoreKernel() {
        synchronized (changes) {
            List<BridgeSpec> bridges = state.networks().stream().map(KernelSpecs::bridge).toList();
            List<RestoredEndpoint> endpoints = state.endpoints().stream()
                    .map(endpoint -> new RestoredEndpoint(endpoint.id(), KernelSpecs.veth(endpoint.id(),
                            state.network(endpoint.networkId()).orElseThrow(), endpoint.mac()), endpoint.joined(),
                            endpoint.published()))
                    .toList();
            try {
                RestoreReport report = dataplane.restore(bridges, endpoints, kernelOps);
                log.info("kernel restored networks={} endpoints={} rebuiltBridges={} repairedBridges={}"
                        + " rebuiltEndpoints={} reattachedPorts={} lostEndpoints={} deletedLinks={} deletedRules={}"
                        + " adoptedLinks={}",
                        bridges.size(), endpoints.size(), report.rebuiltBridges(), report.repairedBridges(),
                        report.rebuiltEndpoints(), report.reattachedPorts(), report.lostEndpoints(),
                        report.deletedLinks(), report.deletedRules(), report.adoptedLinks());
                return report;
            } catch (DataplaneException e) {
                throw new DriverException(Reason.INTERNAL, "restore the kernel state: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Puts back firewall rules of mdnp's networks and ports that went missing (someone flushed a chain, Docker
     * restarted); the background repair. Runs beside calls: the firewall orders its own changes.
     *
     * @throws DriverException when iptables fails
     */
    public FirewallReport repairFirewall() {
        try {
            return dataplane.repairFirewall();
        } catch (FirewallException e) {
            throw new DriverException(Reason.INTERNAL, "repair firewall rules: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the firewall rules of mdnp's networks and ports that the kernel lacks, per bridge ("" for mdnp's base
     * chains and jumps); changes nothing.
     *
     * @throws DriverException when iptables fails
     */
    public List<MissingRules> missingFirewallRules() {
        try {
            return dataplane.checkFirewall();
        } catch (FirewallException e) {
            throw new DriverException(Reason.INTERNAL, "check firewall rules: " + e.getMessage(), e);
        }
    }

    /** §2.1: networks are node-local. */
    public GetCapabilitiesResponse getCapabilities() {
        return new GetCapabilitiesResponse(GetCapabilitiesResponse.LOCAL, GetCapabilitiesResponse.LOCAL);
    }

    /** §2.2: remembers the network; a repeat with the same data succeeds, with different data fails. */
    public EmptyResponse createNetwork(CreateNetworkRequest request) {
        DockerIds.require("NetworkID", request.networkId());
        if (request.ipv4Data().isEmpty() && request.ipv6Data().isEmpty()) {
            throw new DriverException(Reason.BAD_REQUEST, "network " + shortId(request.networkId())
                    + " has no IPv4 or IPv6 pool; mdnp needs an IPAM driver that assigns one (not 'null')");
        }
        Network network = Network.of(request);
        BridgeSpec spec = KernelSpecs.bridge(network);
        synchronized (changes) {
            if (state.checkNewNetwork(network)) {
                return EmptyResponse.EMPTY;
            }
            String what = "create network " + shortId(network.id());
            kernel(what, () -> dataplane.createNetwork(spec, kernelOps));
            record(what, () -> journal.networkCreated(network), () -> dataplane.deleteNetwork(spec, kernelOps));
            state.addNetwork(network);
        }
        log.info("network created net={} bridge={}", shortId(network.id()), network.bridge());
        return EmptyResponse.EMPTY;
    }

    /**
     * §2.3: removes the network's bridge, rules and any endpoints Docker left on it; for an unknown id, removes what
     * mdnp would have created for it, unless that bridge is a known network's.
     */
    public EmptyResponse deleteNetwork(DeleteNetworkRequest request) {
        String networkId = DockerIds.require("NetworkID", request.networkId());
        synchronized (changes) {
            Optional<Network> network = state.network(networkId);
            for (Endpoint endpoint : state.endpointsOf(networkId)) {
                unpublish(network.orElseThrow(), endpoint);
                kernel("delete endpoint " + shortId(endpoint.id()), () -> dataplane.deleteEndpoint(
                        KernelSpecs.veth(endpoint.id(), network.orElseThrow(), endpoint.mac()), kernelOps));
            }
            BridgeSpec spec = network.map(KernelSpecs::bridge).orElseGet(() -> KernelSpecs.unknownBridge(networkId));
            String what = "delete network " + shortId(networkId);
            if (network.isPresent() || !state.bridgeInUse(spec.bridge())) {
                kernel(what, () -> dataplane.deleteNetwork(spec, kernelOps));
            }
            if (network.isPresent()) {
                record(what, () -> journal.networkDeleted(networkId), () -> { });
                state.removeNetwork(networkId);
            }
        }
        return EmptyResponse.EMPTY;
    }

    /** §2.4: swarm managers only; the options are echoed so that every node receives them in CreateNetwork. */
    public AllocateNetworkResponse allocateNetwork(AllocateNetworkRequest request) {
        DockerIds.require("NetworkID", request.networkId());
        return new AllocateNetworkResponse(request.options());
    }

    /** §2.4: nothing was allocated cluster-wide, so nothing is freed. */
    public EmptyResponse freeNetwork(FreeNetworkRequest request) {
        DockerIds.require("NetworkID", request.networkId());
        return EmptyResponse.EMPTY;
    }

    /**
     * §2.5: creates the endpoint's veth pair on the network's bridge. Replies with an empty Interface, except for the
     * MAC mdnp chose when Docker sent none.
     */
    public CreateEndpointResponse createEndpoint(CreateEndpointRequest request) {
        String networkId = DockerIds.require("NetworkID", request.networkId());
        String endpointId = DockerIds.require("EndpointID", request.endpointId());
        String dockerMac = request.endpointInterface().macAddress();
        String mac = dockerMac.isEmpty() ? Macs.derive(endpointId) : Macs.require(dockerMac);
        String srcName = IfNames.containerSide(endpointId);
        synchronized (changes) {
            Network network = state.network(networkId).orElseThrow(() -> unknownNetwork(networkId));
            Optional<Endpoint> repeat = state.checkNewEndpoint(request, srcName);
            if (repeat.isEmpty()) {
                VethSpec spec = KernelSpecs.veth(endpointId, network, mac);
                Endpoint endpoint = Endpoint.created(request, srcName, mac);
                String what = "create endpoint " + shortId(endpointId);
                kernel(what, () -> dataplane.createEndpoint(spec, kernelOps));
                record(what, () -> journal.endpointCreated(endpoint), () -> dataplane.deleteEndpoint(spec, kernelOps));
                state.putEndpoint(endpoint);
            }
        }
        return dockerMac.isEmpty()
                ? new CreateEndpointResponse(new EndpointInterface("", "", mac))
                : CreateEndpointResponse.empty();
    }

    /**
     * §2.8: deletes the endpoint's veth pair (Docker has moved the container end back under its host name); for an
     * unknown id, deletes links with the names mdnp would have given it, unless they are a known endpoint's.
     */
    public EmptyResponse deleteEndpoint(DeleteEndpointRequest request) {
        String endpointId = requireIds(request.networkId(), request.endpointId());
        synchronized (changes) {
            Optional<Endpoint> endpoint = state.endpoint(endpointId);
            endpoint.ifPresent(known -> state.network(known.networkId()).ifPresent(n -> unpublish(n, known)));
            VethSpec spec = new VethSpec(IfNames.hostSide(endpointId), IfNames.containerSide(endpointId), "", 0,
                    endpoint.map(Endpoint::mac).orElse(Macs.derive(endpointId)));
            String what = "delete endpoint " + shortId(endpointId);
            if (endpoint.isPresent() || !state.vethInUse(spec.hostName())) {
                kernel(what, () -> dataplane.deleteEndpoint(spec, kernelOps));
            }
            if (endpoint.isPresent()) {
                record(what, () -> journal.endpointDeleted(endpointId), () -> { });
                state.removeEndpoint(endpointId);
            }
        }
        return EmptyResponse.EMPTY;
    }

    /**
     * §2.9: the endpoint's published ports under Docker's {@code com.docker.network.portmap} key, with the host ports
     * mdnp chose. Docker cannot read them into {@code docker port} (a remote driver's reply is plain JSON to it), so
     * this is for people and tools that ask the plugin; an endpoint without ports gets an empty value.
     */
    public EndpointOperInfoResponse endpointOperInfo(EndpointOperInfoRequest request) {
        String endpointId = requireIds(request.networkId(), request.endpointId());
        List<PublishedPort> published = state.endpoint(endpointId).map(Endpoint::published).orElse(List.of());
        return new EndpointOperInfoResponse(published.isEmpty() ? Map.of()
                : Map.of(OptionKeys.PORT_MAP, published.stream().map(NetworkDriver::portBinding).toList()));
    }

    /**
     * §2.6: names the interface to move into the container and the gateways, so that Docker installs the default
     * route through the network and adds no docker_gwbridge NIC. An internal network gives no gateway (the container
     * gets no default route, as on Docker's internal bridge networks) and keeps docker_gwbridge away.
     */
    public JoinResponse join(JoinRequest request) {
        String networkId = DockerIds.require("NetworkID", request.networkId());
        String endpointId = DockerIds.require("EndpointID", request.endpointId());
        Network network;
        Endpoint endpoint;
        synchronized (changes) {
            network = state.network(networkId).orElseThrow(() -> unknownNetwork(networkId));
            endpoint = state.requireEndpoint(networkId, endpointId).joinedTo(request.sandboxKey());
            record("join endpoint " + shortId(endpointId), () -> journal.endpointChanged(endpoint), () -> { });
            state.putEndpoint(endpoint);
        }
        boolean internal = network.options().internal();
        return new JoinResponse(
                new InterfaceName(endpoint.srcName(), containerPrefix(network)),
                internal ? "" : network.gatewayIpv4().orElse(""),
                internal ? "" : network.gatewayIpv6().orElse(""),
                List.of(),
                internal);
    }

    /** §2.7: marks the endpoint left; unknown ids succeed. */
    public EmptyResponse leave(LeaveRequest request) {
        String endpointId = requireIds(request.networkId(), request.endpointId());
        synchronized (changes) {
            Optional<Endpoint> left = state.endpoint(endpointId).filter(Endpoint::joined).map(Endpoint::left);
            if (left.isPresent()) {
                record("leave endpoint " + shortId(endpointId), () -> journal.endpointChanged(left.get()), () -> { });
                state.putEndpoint(left.get());
            }
        }
        return EmptyResponse.EMPTY;
    }

    /**
     * §2.10: publishes the container's ports ({@code -p}, {@code -P}): takes each host port (choosing one for port 0
     * or a range), adds the DNAT (or, routed, opens the container port) and records the ports, so that Revoke removes
     * exactly them, also after a restart. A second Program for the endpoint replaces the ports of the first.
     *
     * @throws DriverException {@link Reason#CONFLICT} naming the port when a host port is taken;
     *     {@link Reason#BAD_REQUEST} for a malformed port map, a port on an internal network or an address the
     *     endpoint cannot be reached on; {@link Reason#NOT_FOUND} for ports of an unknown endpoint
     */
    public EmptyResponse programExternalConnectivity(ProgramExternalConnectivityRequest request) {
        String networkId = DockerIds.require("NetworkID", request.networkId());
        String endpointId = DockerIds.require("EndpointID", request.endpointId());
        List<PublishedPort> published;
        synchronized (changes) {
            Optional<Network> known = state.network(networkId);
            List<PortRequest> requests = PortMap.parse(request.options(),
                    known.map(n -> n.options().hostBindingIp()).orElse(""));
            if (requests.isEmpty()) {
                known.ifPresent(network -> state.endpoint(endpointId).ifPresent(e -> revoke(network, e)));
                return EmptyResponse.EMPTY;
            }
            Network network = known.orElseThrow(() -> unknownNetwork(networkId));
            if (network.options().internal()) {
                throw new DriverException(Reason.BAD_REQUEST, "network " + shortId(networkId)
                        + " is internal (--internal): nothing reaches it from outside, so ports cannot be published");
            }
            published = replacePorts(network, state.requireEndpoint(networkId, endpointId), requests);
        }
        log.info("ports published ep={} ports=[{}]", shortId(endpointId), describe(published));
        return EmptyResponse.EMPTY;
    }

    /**
     * §2.10: removes the endpoint's published ports, rules and host ports, and records that; succeeds also without a
     * prior Program (internal networks), for an endpoint without ports and for unknown ids.
     */
    public EmptyResponse revokeExternalConnectivity(RevokeExternalConnectivityRequest request) {
        String endpointId = requireIds(request.networkId(), request.endpointId());
        synchronized (changes) {
            state.endpoint(endpointId).ifPresent(endpoint -> state.network(endpoint.networkId())
                    .ifPresent(network -> revoke(network, endpoint)));
        }
        return EmptyResponse.EMPTY;
    }

    /** §2.11: node discovery matters only to multi-host drivers; acknowledged. */
    public EmptyResponse discoverNew(DiscoveryNotification notification) {
        return EmptyResponse.EMPTY;
    }

    /** §2.11: node discovery matters only to multi-host drivers; acknowledged. */
    public EmptyResponse discoverDelete(DiscoveryNotification notification) {
        return EmptyResponse.EMPTY;
    }

    /**
     * Publishes an endpoint's ports in place of those it has, and records the new ones in one journal call; when the
     * publishing fails, publishes the old ones again (they left the kernel first, to free their host ports), so that
     * the failed call changes nothing, or, when that fails too, records that they are gone.
     */
    private List<PublishedPort> replacePorts(Network network, Endpoint endpoint, List<PortRequest> requests) {
        unpublish(network, endpoint);
        EndpointPorts ports = KernelSpecs.ports(network, endpoint);
        String what = "publish ports of endpoint " + shortId(endpoint.id());
        List<PublishedPort> published;
        try {
            published = publish(what, ports, requests);
        } catch (DriverException e) {
            if (!endpoint.published().isEmpty() && !publishedAgain(ports, endpoint.published())) {
                Endpoint revoked = endpoint.withPublished(List.of());
                record(what, () -> journal.endpointChanged(revoked), () -> { });
                state.putEndpoint(revoked);
            }
            throw e;
        }
        Endpoint updated = endpoint.withPublished(published);
        record(what, () -> journal.endpointChanged(updated), () -> dataplane.unpublishPorts(ports, published, kernelOps));
        state.putEndpoint(updated);
        return published;
    }

    /** Publishes ports that were just unpublished again, with the same host ports; returns whether all came back. */
    private boolean publishedAgain(EndpointPorts ports, List<PublishedPort> old) {
        try {
            List<PublishedPort> again = dataplane.publishPorts(ports, PortMap.requestsFor(old), kernelOps);
            if (again.equals(old)) {
                return true;
            }
            dataplane.unpublishPorts(ports, again, kernelOps);
        } catch (DataplaneException | IllegalArgumentException e) {
            log.warn("ports of endpoint {} not published again after a failed replacement: {}",
                    shortId(ports.endpointId()), e.getMessage());
        }
        return false;
    }

    /** Removes an endpoint's published ports and records that it has none; nothing to do when it has none. */
    private void revoke(Network network, Endpoint endpoint) {
        if (endpoint.published().isEmpty()) {
            return;
        }
        unpublish(network, endpoint);
        Endpoint revoked = endpoint.withPublished(List.of());
        record("revoke ports of endpoint " + shortId(endpoint.id()), () -> journal.endpointChanged(revoked), () -> { });
        state.putEndpoint(revoked);
        log.info("ports revoked ep={} ports=[{}]", shortId(endpoint.id()), describe(endpoint.published()));
    }

    /** Removes an endpoint's published ports from the kernel; nothing to do when it has none. */
    private void unpublish(Network network, Endpoint endpoint) {
        if (!endpoint.published().isEmpty()) {
            kernel("revoke ports of endpoint " + shortId(endpoint.id()), () -> dataplane.unpublishPorts(
                    KernelSpecs.ports(network, endpoint), endpoint.published(), kernelOps));
        }
    }

    private List<PublishedPort> publish(String what, EndpointPorts ports, List<PortRequest> requests) {
        try {
            return dataplane.publishPorts(ports, requests, kernelOps);
        } catch (IllegalArgumentException e) {
            throw new DriverException(Reason.BAD_REQUEST, what + ": " + e.getMessage(), e);
        } catch (DataplaneException e) {
            if (e.getCause() instanceof PortUnavailableException taken) {
                throw new DriverException(Reason.CONFLICT, taken.getMessage(), e);
            }
            throw new DriverException(Reason.INTERNAL, what + ": " + e.getMessage(), e);
        }
    }

    /** Returns a published port as an entry of Docker's port map, with the host port chosen. */
    private static Map<String, Object> portBinding(PublishedPort port) {
        return Map.of("Proto", port.protocol() == Protocol.TCP ? 6 : 17, "IP", port.containerIp(),
                "Port", port.containerPort(), "HostIP", port.hostIp(), "HostPort", port.hostPort(),
                "HostPortEnd", port.hostPort());
    }

    private static String describe(List<PublishedPort> published) {
        return published.stream().map(PublishedPort::toString).collect(Collectors.joining(", "));
    }

    /** Runs kernel work, turning its failure into a driver error that names what the call was doing. */
    private static void kernel(String what, Runnable work) {
        try {
            work.run();
        } catch (DataplaneException e) {
            throw new DriverException(Reason.INTERNAL, what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Records a change in the journal; when that fails, runs {@code undo} (the kernel work's reverse, best effort)
     * and fails the call with an error that names what the call was doing and keeps the journal's failure as its
     * cause and the undo's as suppressed. Not logged here: the API's error mapping logs the failed call once.
     */
    private static void record(String what, Runnable change, Runnable undo) {
        try {
            change.run();
        } catch (RuntimeException e) {
            DriverException failure = new DriverException(Reason.INTERNAL, what + ": could not record it: "
                    + e.getMessage(), e);
            try {
                undo.run();
            } catch (RuntimeException undoFailure) {
                failure.addSuppressed(undoFailure);
            }
            throw failure;
        }
    }

    /** Checks both ids of an endpoint call and returns the endpoint id. */
    private static String requireIds(String networkId, String endpointId) {
        DockerIds.require("NetworkID", networkId);
        return DockerIds.require("EndpointID", endpointId);
    }

    private static String containerPrefix(Network network) {
        String prefix = network.options().generic().get(OptionKeys.CONTAINER_IFACE_PREFIX);
        return Optional.ofNullable(prefix).filter(p -> !p.isBlank()).orElse(CONTAINER_IFACE_PREFIX);
    }

    static DriverException unknownNetwork(String networkId) {
        return new DriverException(Reason.NOT_FOUND, "network " + shortId(networkId)
                + " is not known to mdnp; remove it with 'docker network rm' and create it again");
    }

    static String shortId(String id) {
        return DockerIds.shortId(id);
    }
}
