package dev.mdnp.daemon.reconcile;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.dockerapi.DockerEndpoint;
import dev.mdnp.daemon.dockerapi.DockerEngineException;
import dev.mdnp.daemon.dockerapi.DockerNetwork;
import dev.mdnp.daemon.driver.DockerIds;
import dev.mdnp.daemon.driver.DriverState;
import dev.mdnp.daemon.driver.Endpoint;
import dev.mdnp.daemon.driver.Network;
import dev.mdnp.daemon.driver.NetworkDriver;
import dev.mdnp.daemon.ipam.AddressRecord;
import dev.mdnp.daemon.ipam.IpamDriver;
import dev.mdnp.daemon.ipam.IpamSnapshot;
import dev.mdnp.model.cnm.DeleteEndpointRequest;
import dev.mdnp.model.cnm.DeleteNetworkRequest;
import dev.mdnp.model.ipam.ReleaseAddressRequest;
import dev.mdnp.model.ipam.ReleasePoolRequest;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects networks and endpoints that mdnp holds but Docker no longer knows, as an unclean dockerd exit leaves them
 * (Docker then forgets them without calling the plugin): deletes their links and records through the driver and
 * frees their addresses in mdnp's IPAM. It also frees the pools and addresses of mdnp's IPAM that Docker no longer
 * uses, whose release was lost while mdnp was down or cut off by its restart ({@link IpamLeaks}).
 *
 * <p>Runs on its own thread, every interval, never inside a plugin API call: a call that asked Docker could deadlock
 * dockerd. Something missing from Docker is collected only when it is still missing in the next scan, so that a
 * network or endpoint whose create Docker has not stored yet is never taken. If Docker knows none of mdnp's networks
 * while mdnp holds some, the collector suspects it asks the wrong engine and collects nothing.
 */
public final class OrphanCollector implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OrphanCollector.class);

    private final DockerView docker;
    private final String driverName;
    private final DriverState state;
    private final NetworkDriver driver;
    private final IpamDriver ipam;
    private final BackgroundLoop loop = new BackgroundLoop("mdnp-orphan-collector", this::scanSafely);
    /** Ids missing from Docker in the last scan; touched only by the collector's thread. */
    private Set<String> suspects = Set.of();
    /** Whether the last scan could not ask Docker; touched only by the collector's thread. */
    private boolean dockerFailing;

    /**
     * Creates a collector for the plugin named {@code driverName}; {@link #start} schedules it.
     *
     * @param docker how Docker is asked
     * @param driverName the plugin name, Docker's driver name of mdnp's networks
     * @param state the driver's state, read to find what mdnp holds
     * @param driver the driver that deletes what is collected
     * @param ipam the IPAM that frees collected addresses
     */
    public OrphanCollector(DockerView docker, String driverName, DriverState state, NetworkDriver driver,
            IpamDriver ipam) {
        this.docker = requireNonNull(docker, "docker");
        this.driverName = requireNonNull(driverName, "driverName");
        this.state = requireNonNull(state, "state");
        this.driver = requireNonNull(driver, "driver");
        this.ipam = requireNonNull(ipam, "ipam");
    }

    /** Scans every {@code interval}, the first time one interval from now. */
    public void start(Duration interval) {
        loop.start(interval);
    }

    /** Stops scanning; a scan in progress finishes first. */
    @Override
    public void close() {
        loop.close();
    }

    /**
     * Runs one scan: asks Docker, collects what was missing in the previous scan and still is, and remembers what is
     * missing now. Returns the ids collected.
     */
    Set<String> scan() {
        List<DockerNetwork> networks = docker.networksOfDriver(driverName);
        Set<String> dockerNetworks = networks.stream().map(DockerNetwork::id).collect(Collectors.toSet());
        Set<String> dockerEndpoints = networks.stream()
                .flatMap(network -> network.endpoints().stream())
                .map(DockerEndpoint::endpointId)
                .collect(Collectors.toSet());
        Set<String> dockerAddresses = networks.stream()
                .flatMap(network -> network.endpoints().stream())
                .flatMap(endpoint -> Stream.of(endpoint.ipv4Address(), endpoint.ipv6Address()))
                .filter(address -> !address.isEmpty())
                .map(OrphanCollector::bare)
                .collect(Collectors.toSet());
        List<Network> held = state.networks();
        if (dockerNetworks.isEmpty() && !held.isEmpty()) {
            log.warn("orphan scan: Docker knows none of mdnp's {} networks on driver {}; is --docker-host the engine"
                    + " that uses this plugin? collecting nothing", held.size(), driverName);
            suspects = Set.of();
            return Set.of();
        }
        Set<String> missing = new HashSet<>();
        held.stream().map(Network::id).filter(id -> !dockerNetworks.contains(id)).forEach(missing::add);
        state.endpoints().stream()
                .filter(endpoint -> dockerNetworks.contains(endpoint.networkId()))
                .map(Endpoint::id)
                .filter(id -> !dockerEndpoints.contains(id))
                .forEach(missing::add);
        missing.addAll(IpamLeaks.find(docker.networksOfIpamDriver(driverName), ipam.snapshot(), state));
        Set<String> collected = new HashSet<>();
        for (String id : missing) {
            if (suspects.contains(id) && collect(id, dockerAddresses)) {
                collected.add(id);
            }
        }
        missing.removeAll(collected);
        suspects = Set.copyOf(missing);
        return collected;
    }

    private void scanSafely() {
        try {
            scan();
            if (dockerFailing) {
                log.info("orphan scan: Docker answers again");
                dockerFailing = false;
            }
        } catch (DockerEngineException e) {
            if (!dockerFailing) {
                log.warn("orphan scan skipped: {}", e.getMessage());
                dockerFailing = true;
            }
        } catch (RuntimeException e) {
            log.error("orphan scan failed; the next scan tries again", e);
        }
    }

    /**
     * Collects the network or endpoint with this id, or the pool or address {@link IpamLeaks} names, if mdnp still
     * holds it; returns whether it did.
     */
    private boolean collect(String id, Set<String> dockerAddresses) {
        if (id.startsWith(IpamLeaks.POOL)) {
            return collectPool(id.substring(IpamLeaks.POOL.length()));
        }
        if (id.startsWith(IpamLeaks.ADDRESS)) {
            String[] poolAndAddress = id.substring(IpamLeaks.ADDRESS.length()).split(" ", 2);
            return collectAddress(poolAndAddress[0], poolAndAddress[1]);
        }
        if (state.network(id).isPresent()) {
            List<Endpoint> endpoints = state.endpointsOf(id);
            driver.deleteNetwork(new DeleteNetworkRequest(id));
            endpoints.forEach(endpoint -> releaseAddresses(endpoint, dockerAddresses));
            log.info("orphan network collected net={} endpoints={}", DockerIds.shortId(id), endpoints.size());
            return true;
        }
        return state.endpoint(id).map(endpoint -> {
            driver.deleteEndpoint(new DeleteEndpointRequest(endpoint.networkId(), id));
            releaseAddresses(endpoint, dockerAddresses);
            log.info("orphan endpoint collected ep={} net={} address={}", DockerIds.shortId(id),
                    DockerIds.shortId(endpoint.networkId()), endpoint.request().endpointInterface().address());
            return true;
        }).orElse(false);
    }

    /** Frees the address if mdnp's IPAM still holds it. */
    private boolean collectAddress(String poolId, String address) {
        boolean taken = ipam.snapshot().addresses().contains(new AddressRecord(poolId, address));
        if (taken) {
            ipam.releaseAddress(new ReleaseAddressRequest(poolId, address));
            log.info("orphan address collected pool={} address={}", poolId, address);
        }
        return taken;
    }

    /** Frees the pool if mdnp's IPAM still holds it without an address taken: a new network may have taken it. */
    private boolean collectPool(String poolId) {
        IpamSnapshot held = ipam.snapshot();
        boolean empty = held.pools().stream().anyMatch(pool -> pool.poolId().equals(poolId))
                && held.addresses().stream().noneMatch(address -> address.poolId().equals(poolId));
        if (empty) {
            ipam.releasePool(new ReleasePoolRequest(poolId));
            log.info("orphan pool collected pool={}", poolId);
        }
        return empty;
    }

    /**
     * Frees the orphan's addresses, except one that an endpoint mdnp holds or an endpoint Docker listed uses: Docker
     * may have freed the address itself and handed it out again.
     */
    private void releaseAddresses(Endpoint orphan, Set<String> dockerAddresses) {
        Set<String> inUse = new HashSet<>(dockerAddresses);
        state.endpoints().forEach(endpoint -> inUse.addAll(addresses(endpoint)));
        for (String address : addresses(orphan)) {
            if (!inUse.contains(address)) {
                ipam.releaseOrphanAddress(address);
            }
        }
    }

    /** Returns the endpoint's bare addresses. */
    private static List<String> addresses(Endpoint endpoint) {
        return Stream.of(endpoint.request().endpointInterface().address(),
                        endpoint.request().endpointInterface().addressIPv6())
                .filter(address -> !address.isEmpty())
                .map(OrphanCollector::bare)
                .toList();
    }

    private static String bare(String cidr) {
        int slash = cidr.indexOf('/');
        return slash < 0 ? cidr : cidr.substring(0, slash);
    }
}
