package dev.mdnp.daemon.dataplane.firewall;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Firewall} over {@code iptables-save} and {@code iptables-restore} (and their ip6tables twins), run
 * through a {@link CommandRunner}.
 *
 * <p>It keeps the rules it has added, per owner (a network, or one endpoint's ports), and changes the kernel by
 * difference: an add appends the owner's rules and a removal deletes them, one {@code iptables-restore --noflush} per
 * family, without listing first. When such a change fails (someone flushed a chain, a rule went missing), it lists
 * the family's tables and reconciles the owner's bridge and mdnp's base from the listing, once. {@link #restore} and
 * {@link #repair} reconcile everything from a listing.
 *
 * <p>The variant (nft or legacy) and whether IPv6 can be programmed are found out on first use
 * ({@link SetupDetector}). All public methods are synchronized on this object, which guards the owners and that
 * finding.
 */
final class IptablesFirewall implements Firewall {

    /** The search path when the environment has none; the sbin directories hold iptables. */
    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    /** Seconds the tools wait for the xtables lock held by another process (Docker) before they give up. */
    static final String LOCK_WAIT_SECONDS = "5";

    private static final Logger log = LoggerFactory.getLogger(IptablesFirewall.class);
    private static final String CONNTRACK = "conntrack";
    /** conntrack's exit status when no entry matched a delete: nothing to forget, not a failure. */
    private static final int NOTHING_DELETED = 1;

    /** The plugin names a daemon may have (DaemonConfig's rule): they fit in a rule's comment as they are. */
    private static final Pattern INSTANCE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final CommandRunner runner;
    private final String instance;
    private final Map<String, Owner> owners = new LinkedHashMap<>();
    private @Nullable Setup setup;

    /** What one owner added: its bridge and its rules per family. */
    private record Owner(String bridge, Map<IpFamily, List<RuleLine>> rules) {
    }

    /**
     * Creates the firewall of the mdnp daemon named {@code instance}, whose rules it tags {@code mdnp:INSTANCE:BRIDGE}.
     *
     * @throws IllegalArgumentException if {@code instance} is empty or has characters a tag cannot hold
     */
    IptablesFirewall(CommandRunner runner, String instance) {
        this.runner = requireNonNull(runner, "runner");
        if (!INSTANCE.matcher(requireNonNull(instance, "instance")).matches()) {
            throw new IllegalArgumentException("instance name '" + instance + "' is not 1-64 of a-z, 0-9, '.', '_', '-'");
        }
        this.instance = instance;
    }

    @Override
    public synchronized void addNetwork(NetworkRules network) {
        Setup setup = setup();
        if (network.ipv6() && !setup.families().contains(IpFamily.IPV6)) {
            log.warn("IPv6 rules skipped, ip6tables is unavailable bridge={}", network.bridge());
        }
        add(networkKey(network.bridge()), new Owner(network.bridge(), rules(setup, f -> RuleTable.network(instance, network, f))));
    }

    @Override
    public synchronized void removeNetwork(NetworkRules network) {
        String bridge = network.bridge();
        List<String> keys = owners.entrySet().stream().filter(e -> e.getValue().bridge().equals(bridge))
                .map(Map.Entry::getKey).toList();
        remove(bridge, keys);
    }

    @Override
    public synchronized void addPorts(PortRules ports) {
        Setup setup = setup();
        String bridge = ports.network().bridge();
        String key = portsKey(bridge, ports.endpoint());
        Owner owner = new Owner(bridge, rules(setup, f -> RuleTable.ports(instance, ports, f)));
        if (owner.equals(owners.get(key))) {
            return; // published already: its live UDP flows are DNATed, nothing to forget
        }
        add(key, owner);
        forgetUdpFlows(setup, ports);
    }

    @Override
    public synchronized void removePorts(PortRules ports) {
        String bridge = ports.network().bridge();
        String key = portsKey(bridge, ports.endpoint());
        // ports this firewall never added (their add failed, or a restart without them): deleted by their tag
        remove(bridge, owners.containsKey(key) ? List.of(key) : List.of());
    }

    @Override
    public synchronized FirewallReport restore(List<NetworkRules> networks, List<PortRules> ports) {
        Setup setup = setup();
        owners.clear();
        networks.forEach(n -> owners.put(networkKey(n.bridge()),
                new Owner(n.bridge(), rules(setup, f -> RuleTable.network(instance, n, f)))));
        ports.forEach(p -> owners.put(portsKey(p.network().bridge(), p.endpoint()),
                new Owner(p.network().bridge(), rules(setup, f -> RuleTable.ports(instance, p, f)))));
        return reconcileAll(true);
    }

    @Override
    public synchronized FirewallReport repair() {
        return reconcileAll(true);
    }

    @Override
    public synchronized List<MissingRules> check() {
        Setup setup = setup();
        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (IpFamily family : setup.families()) {
            Ruleset present = list(setup, family);
            Reconciliation plan = Reconciliation.plan(present, RuleTable.chains(family), wanted(setup, family,
                    present, owner -> true), this::mine, true);
            plan.added().forEach(rule -> missing.computeIfAbsent(RuleTable.bridgeOf(rule.comment()),
                    b -> new ArrayList<>()).add(family.tool() + " " + rule));
        }
        return missing.entrySet().stream().map(e -> new MissingRules(e.getKey(), e.getValue())).toList();
    }

    @Override
    public synchronized boolean removeIfUnused() {
        Setup setup = setup();
        boolean kept = false;
        for (IpFamily family : setup.families()) {
            Ruleset present = list(setup, family);
            boolean inUse = present.allRules().stream().anyMatch(rule -> !RuleTable.bridgeOf(rule.comment()).isEmpty());
            if (inUse) {
                kept = true;
                continue;
            }
            apply(setup, family, Reconciliation.plan(present, List.of(), List.of(), RuleTable::isOwn, true).script());
        }
        owners.clear();
        return kept;
    }

    private void add(String key, Owner owner) {
        Owner existing = owners.get(key);
        if (owner.equals(existing)) {
            return;
        }
        if (existing != null) {
            remove(existing.bridge(), List.of(key));
        }
        Setup setup = setup();
        for (IpFamily family : setup.families()) {
            List<RuleLine> rules = owner.rules().getOrDefault(family, List.of());
            if (rules.isEmpty()) {
                continue;
            }
            RestoreScript script = new RestoreScript();
            rules.forEach(script::append);
            applyOrReconcile(setup, family, script, owner.bridge(), withOwner(key, owner));
        }
        owners.put(key, owner);
    }

    private void remove(String bridge, List<String> keys) {
        Setup setup = setup();
        List<String> known = keys.stream().filter(owners::containsKey).toList();
        Map<String, Owner> remaining = new LinkedHashMap<>(owners);
        known.forEach(remaining::remove);
        for (IpFamily family : setup.families()) {
            if (known.isEmpty()) {
                // an owner this firewall never added (unknown since a restart, or removed twice): delete by its tag
                reconcileBridge(setup, family, bridge, remaining);
                continue;
            }
            List<RuleLine> rules = known.stream().map(owners::get)
                    .flatMap(owner -> owner.rules().getOrDefault(family, List.of()).stream()).toList();
            if (rules.isEmpty()) {
                continue;
            }
            RestoreScript script = new RestoreScript();
            rules.forEach(script::delete);
            applyOrReconcile(setup, family, script, bridge, remaining);
        }
        known.forEach(owners::remove);
    }

    /** Applies a change; when it fails, reconciles the bridge's and the base's rules from a listing, once. */
    private void applyOrReconcile(Setup setup, IpFamily family, RestoreScript script, String bridge,
            Map<String, Owner> wantedOwners) {
        Optional<FirewallException> failure = tryApply(setup, family, script);
        if (failure.isPresent()) {
            log.info("firewall change failed, reconciling from a listing bridge={} family={}: {}", bridge, family,
                    failure.get().getMessage());
            reconcileBridge(setup, family, bridge, wantedOwners);
        }
    }

    private void reconcileBridge(Setup setup, IpFamily family, String bridge, Map<String, Owner> wantedOwners) {
        Ruleset present = list(setup, family);
        Predicate<RuleLine> scope = rule -> mine(rule) && (RuleTable.bridgeOf(rule.comment()).isEmpty()
                || RuleTable.bridgeOf(rule.comment()).equals(bridge));
        List<RuleLine> wanted = wanted(setup, family, present, wantedOwners, owner -> owner.bridge().equals(bridge));
        Reconciliation plan = Reconciliation.plan(present, RuleTable.chains(family), wanted, scope, false);
        apply(setup, family, plan.script());
    }

    private FirewallReport reconcileAll(boolean change) {
        Setup setup = setup();
        Set<String> repaired = new LinkedHashSet<>();
        Set<String> removed = new LinkedHashSet<>();
        boolean base = false;
        Set<String> known = new LinkedHashSet<>();
        owners.values().forEach(owner -> known.add(owner.bridge()));
        for (IpFamily family : setup.families()) {
            Ruleset present = list(setup, family);
            Reconciliation plan = Reconciliation.plan(present, RuleTable.chains(family),
                    wanted(setup, family, present, owner -> true), this::mine, true);
            for (RuleLine rule : plan.added()) {
                String bridge = RuleTable.bridgeOf(rule.comment());
                base |= bridge.isEmpty();
                if (!bridge.isEmpty()) {
                    repaired.add(bridge);
                }
            }
            for (RuleLine rule : plan.deleted()) {
                String bridge = RuleTable.bridgeOf(rule.comment());
                base |= bridge.isEmpty();
                if (!bridge.isEmpty() && !known.contains(bridge)) {
                    removed.add(bridge);
                }
            }
            base |= plan.chainsChanged();
            if (change) {
                apply(setup, family, plan.script());
            }
        }
        return new FirewallReport(List.copyOf(repaired), List.copyOf(removed), base);
    }

    /**
     * Returns true for a rule this daemon may delete when it does not want it: mdnp's shared base and untagged rules in
     * mdnp's chains, its own networks' rules ({@code mdnp:INSTANCE:...}), and those of a release without instances
     * ({@code mdnp:BRIDGE}) for bridges it knows. Never another daemon's.
     */
    private boolean mine(RuleLine rule) {
        if (!RuleTable.isOwn(rule)) {
            return false;
        }
        String comment = rule.comment();
        String bridge = RuleTable.bridgeOf(comment);
        if (bridge.isEmpty()) {
            return true;
        }
        String owner = RuleTable.instanceOf(comment);
        return owner.equals(instance)
                || owner.isEmpty() && owners.values().stream().anyMatch(o -> o.bridge().equals(bridge));
    }

    private List<RuleLine> wanted(Setup setup, IpFamily family, Ruleset present, Predicate<Owner> which) {
        return wanted(setup, family, present, owners, which);
    }

    private static List<RuleLine> wanted(Setup setup, IpFamily family, Ruleset present, Map<String, Owner> from,
            Predicate<Owner> which) {
        List<RuleLine> wanted = new ArrayList<>(RuleTable.base(family,
                present.hasChain(RuleTable.FILTER, RuleTable.DOCKER_USER)));
        from.values().stream().filter(which)
                .forEach(owner -> wanted.addAll(owner.rules().getOrDefault(family, List.of())));
        return wanted;
    }

    private Map<String, Owner> withOwner(String key, Owner owner) {
        Map<String, Owner> with = new LinkedHashMap<>(owners);
        with.put(key, owner);
        return with;
    }

    private static Map<IpFamily, List<RuleLine>> rules(Setup setup,
            Function<IpFamily, List<RuleLine>> of) {
        Map<IpFamily, List<RuleLine>> rules = new EnumMap<>(IpFamily.class);
        setup.families().forEach(family -> rules.put(family, of.apply(family)));
        return rules;
    }

    private Ruleset list(Setup setup, IpFamily family) {
        return Ruleset.parse(require(List.of(setup.backend().save(family)), "", "list " + family.tool() + " rules")
                .stdout());
    }

    private void apply(Setup setup, IpFamily family, RestoreScript script) {
        tryApply(setup, family, script).ifPresent(failure -> {
            throw failure;
        });
    }

    private Optional<FirewallException> tryApply(Setup setup, IpFamily family, RestoreScript script) {
        if (script.isEmpty()) {
            return Optional.empty();
        }
        String input = script.render();
        List<String> command = List.of(setup.backend().restore(family), "-w", LOCK_WAIT_SECONDS, "--noflush");
        CommandResult result = runner.run(command, input);
        if (result.succeeded()) {
            log.debug("firewall {} applied:\n{}", family.tool(), input);
            return Optional.empty();
        }
        return Optional.of(failure("apply " + family.tool() + " rules", result, input));
    }

    private void forgetUdpFlows(Setup setup, PortRules ports) {
        List<PortMapping> udp = ports.mappings().stream().filter(m -> m.protocol() == Protocol.UDP)
                .filter(m -> setup.families().contains(m.family())).toList();
        if (udp.isEmpty() || !runner.isInstalled(CONNTRACK)) {
            return;
        }
        // A UDP flow seen before the DNAT existed keeps going to the host: conntrack decides NAT at a flow's start.
        for (PortMapping mapping : udp) {
            List<String> command = new ArrayList<>(List.of(CONNTRACK, "-D", "-f",
                    mapping.family() == IpFamily.IPV6 ? "ipv6" : "ipv4", "-p", "udp", "--orig-port-dst",
                    Integer.toString(mapping.hostPort())));
            CommandResult result = runner.run(command, "");
            if (!result.succeeded() && result.exitCode() != NOTHING_DELETED) {
                log.warn("could not forget UDP flows of published port {}: {}", mapping.hostPort(),
                        result.stderr().strip());
            }
        }
    }

    private Setup setup() {
        if (setup == null) {
            setup = new SetupDetector(runner).detect();
        }
        return setup;
    }

    private CommandResult require(List<String> command, String input, String what) {
        CommandResult result = runner.run(command, input);
        if (!result.succeeded()) {
            throw failure(what, result, input);
        }
        return result;
    }

    private static String networkKey(String bridge) {
        return "network " + bridge;
    }

    private static String portsKey(String bridge, String endpoint) {
        return "ports " + bridge + " " + endpoint;
    }

    private static FirewallException failure(String what, CommandResult result, String input) {
        String stderr = result.stderr().strip();
        return new FirewallException(FirewallException.Reason.FAILED, what + ": `" + result.commandLine()
                + "` exited " + result.exitCode() + (stderr.isEmpty() ? "" : ": " + stderr)
                + (input.isEmpty() ? "" : "; input:\n" + input), result.command(), result.stderr());
    }
}
