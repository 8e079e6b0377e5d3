package dev.mdnp.daemon.testsupport;

import static org.awaitility.Awaitility.await;

import dev.mdnp.daemon.dataplane.Ownership;
import dev.mdnp.daemon.testsupport.EngineState.Attachment;
import dev.mdnp.daemon.testsupport.EngineState.EngineNetwork;
import dev.mdnp.model.client.InspectClient;
import dev.mdnp.model.inspect.Drift;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.FirewallRulesView;
import dev.mdnp.model.inspect.LinkView;
import dev.mdnp.model.inspect.NetworkView;
import dev.mdnp.model.inspect.PoolView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compares what the private engine holds on one plugin's networks with what that plugin's daemon holds
 * ({@code /v1/networks}, {@code /v1/endpoints}, {@code /v1/ipam/pools}, {@code /v1/links}, {@code /v1/firewall}) and
 * with the host's kernel (links in the daemon's device groups, rules tagged with its name): every difference is a
 * violation, one readable line each. What the reliability tests assert after every fault; see {@link #violations}.
 */
public final class MdnpAudit {

    private static final Duration POLL = Duration.ofMillis(500);
    /** Bounded pings: one packet, one second. */
    private static final String PING = "ping -c 1 -W 1";
    /** How many peers on each network every container pings. */
    private static final int PEERS = 6;

    private final E2ePlugin plugin;

    /** Creates the audit of the daemon and networks of {@code plugin}. */
    public MdnpAudit(E2ePlugin plugin) {
        this.plugin = plugin;
    }

    /**
     * Returns what is wrong now, empty when nothing is:
     * <ul>
     * <li>Docker gave one IPv4 address to two endpoints;</li>
     * <li>mdnp lacks a network or endpoint Docker has, or holds one Docker does not, or gives an endpoint another
     *     address than Docker;</li>
     * <li>a pool of mdnp's IPAM counts more or fewer addresses than the gateway and the endpoints Docker has in it
     *     (a leaked or a lost address), or no network of Docker's uses it (a leaked pool);</li>
     * <li>a link of the daemon's device group is not a bridge or host veth of what mdnp holds (a leaked link), one of
     *     those is missing, a link still waits in its doomed group, or {@code /v1/links} shows drift;</li>
     * <li>a rule tagged with the daemon's name is for a bridge of no network mdnp holds (a leaked rule), or
     *     {@code /v1/firewall} names a rule missing from the kernel.</li>
     * </ul>
     */
    public List<String> violations() throws IOException, InterruptedException {
        EngineState engine = EngineState.read(plugin.docker(), plugin.name());
        Daemon daemon = daemonViews();
        List<String> violations = new ArrayList<>();
        duplicateAddresses(engine, violations);
        networksAndEndpoints(engine, daemon, violations);
        pools(engine, daemon, violations);
        links(daemon, violations);
        rules(daemon, violations);
        return violations;
    }

    /** Waits up to {@code atMost} for {@link #violations} to be empty; fails with the last ones it found. */
    public void awaitConsistent(Duration atMost) {
        awaitEmpty("engine, daemon and kernel agree", atMost, this::violations);
    }

    /**
     * Returns which addresses a running container on the plugin's networks cannot ping: its gateway on each network
     * and the next {@value #PEERS} endpoints on each of its networks (all of them in a small network; in a larger one
     * each endpoint still pings and is pinged by {@value #PEERS} others), one {@code docker exec} per container.
     */
    public List<String> unreachable() throws IOException, InterruptedException {
        EngineState engine = EngineState.read(plugin.docker(), plugin.name());
        Map<String, Set<String>> targets = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Attachment attachment : engine.attachments()) {
            names.put(attachment.container(), attachment.containerName());
            Set<String> own = targets.computeIfAbsent(attachment.container(), c -> new LinkedHashSet<>());
            if (!attachment.gateway().isEmpty()) {
                own.add(attachment.gateway());
            }
            List<Attachment> ring = engine.attachmentsOn(attachment.networkId()).stream()
                    .filter(peer -> !peer.ipv4().isEmpty())
                    .toList();
            int self = ring.indexOf(attachment);
            for (int step = 1; step <= Math.min(PEERS, ring.size() - 1); step++) {
                own.add(ring.get(Math.floorMod(self + step, ring.size())).ipv4());
            }
        }
        List<String> unreachable = new ArrayList<>();
        for (Map.Entry<String, Set<String>> entry : targets.entrySet()) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            String script = "for a in " + String.join(" ", entry.getValue()) + "; do " + PING
                    + " $a >/dev/null 2>&1 || echo $a; done";
            DockerCli.Result result = plugin.docker().run("exec", entry.getKey(), "sh", "-c", script);
            String who = names.get(entry.getKey());
            if (result.exitCode() != 0) {
                unreachable.add(who + ": docker exec failed (" + result.exitCode() + "): " + result.err());
            } else if (!result.out().isBlank()) {
                unreachable.add(who + " cannot ping " + String.join(", ", result.out().split("\\s+")));
            }
        }
        return unreachable;
    }

    /** Waits up to {@code atMost} until every running container reaches its gateways and peers. */
    public void awaitReachable(Duration atMost) {
        awaitEmpty("every container reaches its gateways and peers", atMost, this::unreachable);
    }

    /**
     * Returns what is left once the test removed every container and network of the plugin: networks in Docker or
     * mdnp, endpoints, pools, links of the daemon's groups, rules tagged with its name, and network namespaces of the
     * engine beyond one per running container.
     */
    public List<String> leftovers() throws IOException, InterruptedException {
        List<String> left = new ArrayList<>();
        EngineState engine = EngineState.read(plugin.docker(), plugin.name());
        engine.networks().forEach(network -> left.add("Docker network " + network.name()));
        Daemon daemon = daemonViews();
        daemon.networks().forEach(network -> left.add("mdnp network " + network.id()));
        daemon.endpoints().forEach(endpoint -> left.add("mdnp endpoint " + endpoint.id()));
        daemon.pools().forEach(pool -> left.add("mdnp pool " + pool.poolId() + " (" + pool.used() + " used)"));
        ownLinks(daemon.ownership()).forEach((link, group) -> left.add("link " + link + " (group " + group + ")"));
        ownRules().forEach(rule -> left.add("rule " + rule));
        Path netns = engineNetnsDir();
        List<String> running = lines(plugin.docker().ok("ps", "-q"));
        long namespaces = mountedUnder(netns);
        if (namespaces > running.size()) {
            left.add(namespaces + " network namespaces mounted in " + netns + " for " + running.size()
                    + " running containers");
        }
        return left;
    }

    /** Waits up to {@code atMost} until {@link #leftovers} is empty. */
    public void awaitNothingLeft(Duration atMost) {
        awaitEmpty("nothing of the plugin's is left", atMost, this::leftovers);
    }

    /** Reads the daemon's views once. */
    private Daemon daemonViews() {
        try (InspectClient client = InspectClient.connect(plugin.daemon().launch().inspectSocket(),
                Duration.ofSeconds(10))) {
            return new Daemon(Ownership.of(plugin.name()), client.networks(), client.endpoints(), client.pools(),
                    client.links(), client.firewall());
        }
    }

    private static void duplicateAddresses(EngineState engine, List<String> violations) {
        Map<String, List<String>> holders = new LinkedHashMap<>();
        for (Attachment attachment : engine.attachments()) {
            for (String address : List.of(attachment.ipv4(), attachment.ipv6())) {
                if (!address.isEmpty()) {
                    holders.computeIfAbsent(address, a -> new ArrayList<>())
                            .add(attachment.containerName() + " on " + attachment.networkName());
                }
            }
        }
        holders.forEach((address, who) -> {
            if (who.size() > 1) {
                violations.add("duplicate address " + address + ": " + who);
            }
        });
    }

    private static void networksAndEndpoints(EngineState engine, Daemon daemon, List<String> violations) {
        Set<String> dockerNetworks = engine.networks().stream().map(EngineNetwork::id).collect(Collectors.toSet());
        Set<String> mdnpNetworks = daemon.networks().stream().map(NetworkView::id).collect(Collectors.toSet());
        difference(dockerNetworks, mdnpNetworks).forEach(id -> violations.add("network " + id + " missing in mdnp"));
        difference(mdnpNetworks, dockerNetworks).forEach(id -> violations.add("network " + id
                + " held by mdnp, unknown to Docker"));
        Map<String, EndpointView> mdnpEndpoints = daemon.endpoints().stream()
                .collect(Collectors.toMap(EndpointView::id, endpoint -> endpoint));
        Set<String> dockerEndpoints = new TreeSet<>();
        for (Attachment attachment : engine.attachments()) {
            dockerEndpoints.add(attachment.endpointId());
            EndpointView endpoint = mdnpEndpoints.get(attachment.endpointId());
            String who = "endpoint of " + attachment.containerName() + " on " + attachment.networkName();
            if (endpoint == null) {
                violations.add(who + " (" + attachment.endpointId() + ") missing in mdnp");
            } else if (!bare(endpoint.ipv4Address()).equals(attachment.ipv4())) {
                violations.add(who + " has " + attachment.ipv4() + " in Docker, " + endpoint.ipv4Address()
                        + " in mdnp");
            } else if (!endpoint.joined()) {
                violations.add(who + " is not joined in mdnp");
            }
        }
        difference(mdnpEndpoints.keySet(), dockerEndpoints).forEach(id -> violations.add("endpoint " + id
                + " of network " + mdnpEndpoints.get(id).networkId() + " held by mdnp, unknown to Docker"));
    }

    private void pools(EngineState engine, Daemon daemon, List<String> violations) {
        Map<String, PoolView> pools = new HashMap<>();
        daemon.pools().forEach(pool -> pools.put(pool.pool(), pool));
        Set<String> used = new TreeSet<>();
        for (EngineNetwork network : engine.networks()) {
            if (!network.ipamDriver().equals(plugin.name())) {
                continue;
            }
            for (String subnet : network.subnets()) {
                used.add(subnet);
                PoolView pool = pools.get(subnet);
                boolean v6 = subnet.contains(":");
                long endpoints = engine.attachmentsOn(network.id()).stream()
                        .filter(attachment -> !(v6 ? attachment.ipv6() : attachment.ipv4()).isEmpty())
                        .count();
                if (pool == null) {
                    violations.add("pool " + subnet + " of network " + network.name() + " missing in mdnp's IPAM");
                } else if (pool.used() != endpoints + 1) {
                    violations.add("pool " + subnet + " of network " + network.name() + " counts " + pool.used()
                            + " addresses in use, Docker has the gateway and " + endpoints + " endpoints");
                }
            }
        }
        difference(pools.keySet(), used).forEach(subnet -> violations.add("pool " + subnet + " ("
                + pools.get(subnet).used() + " used) held by mdnp's IPAM, no network of Docker's uses it"));
    }

    private void links(Daemon daemon, List<String> violations) throws IOException, InterruptedException {
        Set<String> expected = new TreeSet<>();
        daemon.networks().forEach(network -> expected.add(network.bridge()));
        daemon.endpoints().forEach(endpoint -> expected.add(endpoint.hostIfName()));
        Map<String, Integer> own = ownLinks(daemon.ownership());
        own.forEach((link, group) -> {
            if (group == daemon.ownership().doomedGroup()) {
                violations.add("link " + link + " still waits for deletion");
            } else if (!expected.contains(link)) {
                violations.add("link " + link + " in the daemon's group, of no network or endpoint mdnp holds");
            }
        });
        difference(expected, own.keySet()).forEach(link -> violations.add("link " + link + " missing on the host"));
        for (LinkView link : daemon.links()) {
            if (link.drift() != Drift.NONE) {
                violations.add("/v1/links: " + link.name() + " " + link.drift());
            }
        }
    }

    private void rules(Daemon daemon, List<String> violations) throws IOException, InterruptedException {
        Set<String> bridges = daemon.networks().stream().map(NetworkView::bridge).collect(Collectors.toSet());
        Pattern tag = tag();
        for (String rule : ownRules()) {
            Matcher matcher = tag.matcher(rule);
            if (matcher.find() && !bridges.contains(matcher.group(1))) {
                violations.add("rule of bridge " + matcher.group(1) + ", of no network mdnp holds: " + rule);
            }
        }
        for (FirewallRulesView view : daemon.firewall()) {
            view.missingRules().forEach(rule -> violations.add("rule missing for "
                    + (view.base() ? "mdnp's chains" : view.bridge()) + ": " + rule));
        }
    }

    /** Returns the host's links in the daemon's device groups, by name. */
    private static Map<String, Integer> ownLinks(Ownership ownership) throws IOException, InterruptedException {
        Map<String, Integer> own = new LinkedHashMap<>();
        HostLinks.groups().forEach((link, group) -> {
            if (group == ownership.group() || group == ownership.doomedGroup()) {
                own.put(link, group);
            }
        });
        return own;
    }

    /** Returns the host's rules tagged with the daemon's name. */
    private List<String> ownRules() throws IOException, InterruptedException {
        Pattern tag = tag();
        return HostFirewall.rules().stream().filter(rule -> tag.matcher(rule).find()).toList();
    }

    /** The tag of the daemon's network rules, {@code mdnp:NAME:BRIDGE}, with the bridge as group 1. */
    private Pattern tag() {
        return Pattern.compile("--comment \"?mdnp:" + Pattern.quote(plugin.name()) + ":([^\"\\s]+)");
    }

    /**
     * Counts the mounts under {@code dir}: Docker bind-mounts each sandbox's namespace on a file there, and unmounts
     * it when the sandbox goes (the file itself stays for up to a minute, until Docker's garbage collection).
     */
    /**
     * Counts the namespaces mounted in {@code dir} but {@code default}: Docker mounts the host's namespace there for
     * the first container with {@code --network host} (the systemd rig's) and keeps it while dockerd runs.
     */
    private static long mountedUnder(Path dir) throws IOException {
        String prefix = dir + "/";
        String hostNamespace = prefix + "default";
        try (Stream<String> mounts = Files.lines(Path.of("/proc/self/mounts"))) {
            return mounts.map(line -> line.split(" "))
                    .filter(fields -> fields.length > 1 && fields[1].startsWith(prefix)
                            && !fields[1].equals(hostNamespace))
                    .count();
        }
    }

    /** The engine's network namespaces: {@code scripts/e2e-dockerd} puts its exec-root beside its socket. */
    private Path engineNetnsDir() {
        String host = E2eEnvironment.requireDockerHost();
        Path socket = Path.of(host.replaceFirst("^unix://", ""));
        return socket.resolveSibling("exec").resolve("netns");
    }

    private static void awaitEmpty(String what, Duration atMost, Check check) {
        List<List<String>> last = new ArrayList<>(List.of(List.of("(the first check did not finish in time)")));
        try {
            await(what).atMost(atMost).pollInterval(POLL).until(() -> {
                List<String> found = check.find();
                last.set(0, found);
                return found.isEmpty();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(what + ": not so after " + atMost + ":\n  " + String.join("\n  ", last.get(0)),
                    e);
        }
    }

    private static Set<String> difference(Set<String> all, Set<String> without) {
        Set<String> rest = new TreeSet<>(all);
        rest.removeAll(without);
        return rest;
    }

    private static String bare(String cidr) {
        int slash = cidr.indexOf('/');
        return slash < 0 ? cidr : cidr.substring(0, slash);
    }

    private static List<String> lines(String text) {
        return text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    }

    /** One look for problems, empty when there are none. */
    @FunctionalInterface
    private interface Check {
        List<String> find() throws Exception;
    }

    /** What the daemon shows on its inspect socket, read once. */
    private record Daemon(Ownership ownership, List<NetworkView> networks, List<EndpointView> endpoints,
            List<PoolView> pools, List<LinkView> links, List<FirewallRulesView> firewall) {
    }
}
