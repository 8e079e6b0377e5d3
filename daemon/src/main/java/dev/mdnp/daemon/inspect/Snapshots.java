package dev.mdnp.daemon.inspect;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.dataplane.PublishedPort;
import dev.mdnp.daemon.dataplane.firewall.MissingRules;
import dev.mdnp.daemon.driver.Endpoint;
import dev.mdnp.daemon.driver.Network;
import dev.mdnp.model.cnm.IpamData;
import dev.mdnp.model.inspect.ContainerView;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.FirewallRepairView;
import dev.mdnp.model.inspect.FirewallRulesView;
import dev.mdnp.model.inspect.InfoView;
import dev.mdnp.model.inspect.LinkView;
import dev.mdnp.model.inspect.NetworkView;
import dev.mdnp.model.inspect.PoolView;
import dev.mdnp.model.inspect.PortView;
import dev.mdnp.model.inspect.RequestRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Builds the views the introspection channel serves from its sources, at the moment it is asked. Read-only: it calls
 * only the sources' query methods.
 *
 * <p>Thread safety: as safe as the sources, which are all thread-safe.
 */
final class Snapshots {

    private final InspectSources sources;
    private final ContainerViews containers;

    Snapshots(InspectSources sources) {
        this.sources = requireNonNull(sources, "sources");
        this.containers = new ContainerViews(new SandboxReader(sources.sandboxes()));
    }

    InfoView info() {
        RequestHistory history = sources.history();
        return new InfoView(sources.name(), sources.version(), sources.startedAt(), sources.pluginSocket().toString(),
                sources.stateDir().toString(), sources.driverState().networks().size(),
                sources.driverState().endpoints().size(), history.lastSeq(), history.lastSeq(), history.capacity(),
                sources.events().dropped());
    }

    /** Returns every network, sorted by id. */
    List<NetworkView> networks() {
        return sources.driverState().networks().stream()
                .sorted(Comparator.comparing(Network::id))
                .map(this::view)
                .toList();
    }

    /**
     * Returns the network with this id, or with this unique id prefix (as {@code docker network ls} shortens ids).
     *
     * @throws BadQueryException when the prefix names more than one network
     */
    Optional<NetworkView> network(String idOrPrefix) {
        Optional<Network> exact = sources.driverState().network(idOrPrefix);
        if (exact.isPresent()) {
            return exact.map(this::view);
        }
        List<Network> matches = sources.driverState().networks().stream()
                .filter(network -> network.id().startsWith(idOrPrefix))
                .toList();
        if (matches.size() > 1) {
            throw new BadQueryException("network id prefix " + idOrPrefix + " is ambiguous: it matches "
                    + matches.size() + " networks");
        }
        return matches.stream().findFirst().map(this::view);
    }

    /** Returns every endpoint, sorted by network, then id. */
    List<EndpointView> endpoints() {
        return sources.driverState().endpoints().stream()
                .sorted(Comparator.comparing(Endpoint::networkId).thenComparing(Endpoint::id))
                .map(this::view)
                .toList();
    }

    /** Returns the containers of the joined endpoints, each one's namespace read once. */
    List<ContainerView> containers() {
        return containers.of(endpoints());
    }

    /** Returns the kernel's links of mdnp, joined with the state. */
    List<LinkView> links() {
        // State first, then the kernel: a link created in between shows as unknown rather than a known one missing.
        List<Network> networks = sources.driverState().networks();
        List<Endpoint> endpoints = sources.driverState().endpoints();
        return LinkDrift.join(sources.links().list(), networks, endpoints);
    }

    List<PoolView> pools() {
        return PoolUsage.views(sources.ipam().snapshot());
    }

    /**
     * Returns what the kernel lacks of mdnp's firewall rules: first mdnp's base chains and jumps, then every network
     * sorted by id (with an empty list when nothing of it is missing), then any bridge whose rules are missing but
     * that belongs to no network (one deleted while the tables were listed). Lists the kernel's tables.
     *
     * @throws dev.mdnp.daemon.driver.DriverException when they cannot be listed
     */
    List<FirewallRulesView> firewall() {
        // Networks first: one created meanwhile has its rules already, one deleted meanwhile is no longer wanted.
        List<Network> networks = sources.driverState().networks().stream()
                .sorted(Comparator.comparing(Network::id))
                .toList();
        Map<String, List<String>> missing = new TreeMap<>();
        for (MissingRules rules : sources.firewall().missingRules()) {
            missing.computeIfAbsent(rules.bridge(), bridge -> new ArrayList<>()).addAll(rules.rules());
        }
        List<FirewallRulesView> views = new ArrayList<>();
        views.add(new FirewallRulesView("", "", missing.getOrDefault("", List.of())));
        missing.remove("");
        for (Network network : networks) {
            List<String> rules = missing.remove(network.bridge());
            views.add(new FirewallRulesView(network.id(), network.bridge(), rules == null ? List.of() : rules));
        }
        missing.forEach((bridge, rules) -> views.add(new FirewallRulesView("", bridge, rules)));
        return views;
    }

    /** Returns the repairs of mdnp's firewall rules since the start, oldest first. */
    List<FirewallRepairView> firewallRepairs() {
        return sources.firewallDrift().repairs();
    }

    /** Returns calls after {@code after}, or the latest ones when {@code after} is null. */
    List<RequestRecord> requests(@Nullable Long after, int limit) {
        return after == null ? sources.history().latest(limit) : sources.history().after(after, limit);
    }

    private NetworkView view(Network network) {
        return new NetworkView(network.id(), sources.names().networkName(network.id()), network.bridge(),
                network.options().mtu(),
                pools(network.request().ipv4Data()), pools(network.request().ipv6Data()),
                gateways(network), network.options().generic(),
                sources.driverState().endpointsOf(network.id()).size(),
                sources.journal().createdAt(network.id()).orElse(sources.startedAt()));
    }

    private static List<String> pools(List<IpamData> data) {
        return data.stream().map(IpamData::pool).filter(pool -> !pool.isEmpty()).toList();
    }

    private static List<String> gateways(Network network) {
        return Stream.concat(network.request().ipv4Data().stream(),
                        network.request().ipv6Data().stream())
                .map(IpamData::gateway)
                .filter(Objects::nonNull)
                .toList();
    }

    private EndpointView view(Endpoint endpoint) {
        return new EndpointView(endpoint.id(), endpoint.networkId(), endpoint.hostName(), endpoint.srcName(),
                endpoint.mac(), endpoint.request().endpointInterface().address(),
                endpoint.request().endpointInterface().addressIPv6(), endpoint.joined(), endpoint.sandboxKey(),
                endpoint.published().stream().map(Snapshots::view).toList(),
                sources.names().containerOf(endpoint.id()));
    }

    private static PortView view(PublishedPort port) {
        return new PortView(port.protocol().iptablesName(), port.hostIp(), port.hostPort(), port.containerIp(),
                port.containerPort(), port.routed());
    }
}
