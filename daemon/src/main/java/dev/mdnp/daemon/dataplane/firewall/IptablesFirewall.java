package dev.mdnp.daemon.dataplane.firewall;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Firewall} over the iptables and ip6tables programs, run through a {@link CommandRunner}.
 *
 * <p>Which families can be programmed is found out once, on first use: iptables must work, ip6tables may be missing
 * or fail (no IPv6 in the kernel), and then IPv6 rules are skipped with a warning. All public methods are
 * synchronized on this object, which guards that finding and makes each check-then-add atomic within the daemon.
 */
final class IptablesFirewall implements Firewall {

    /** The search path when the environment has none; the sbin directories hold iptables. */
    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    /** Seconds iptables waits for the xtables lock held by another process (Docker) before it gives up. */
    static final String LOCK_WAIT_SECONDS = "5";

    private static final Logger log = LoggerFactory.getLogger(IptablesFirewall.class);
    /** iptables' exit status for a check that found nothing, or a delete of something missing. */
    private static final int ABSENT = 1;

    private final CommandRunner runner;
    private @Nullable Set<IpFamily> families;

    IptablesFirewall(CommandRunner runner) {
        this.runner = requireNonNull(runner, "runner");
    }

    @Override
    public synchronized void install() {
        for (IpFamily family : families()) {
            ensurePresent(family, RuleTable.base());
        }
    }

    @Override
    public synchronized void uninstall() {
        Set<String> owners = new TreeSet<>();
        List<ListedRule> remaining = listRules().stream().filter(ListedRule::inOwnChain).toList();
        remaining.forEach(rule -> owners.add(rule.bridge().orElse("?")));
        if (!remaining.isEmpty()) {
            throw new FirewallException(FirewallException.Reason.IN_USE, "uninstall firewall: chain " + RuleTable.CHAIN
                    + " still holds " + remaining.size() + " rules of bridges " + owners
                    + "; remove those networks first", List.of(), "");
        }
        for (IpFamily family : families()) {
            // Without the chain the jump cannot exist, and checking for a jump to a missing chain is an error.
            if (isPresent(family, RuleTable.base().get(0))) {
                ensureAbsent(family, RuleTable.base());
            }
        }
    }

    @Override
    public synchronized void addNetwork(NetworkRules network) {
        if (network.ipv6() && !families().contains(IpFamily.IPV6)) {
            log.warn("IPv6 forwarding rules skipped, ip6tables is unavailable bridge={}", network.bridge());
        }
        for (IpFamily family : familiesOf(network)) {
            ensurePresent(family, RuleTable.base());
            ensurePresent(family, RuleTable.network(network, family));
        }
    }

    @Override
    public synchronized void removeNetwork(NetworkRules network) {
        for (IpFamily family : familiesOf(network)) {
            ensureAbsent(family, RuleTable.network(network, family));
        }
    }

    @Override
    public synchronized List<ListedRule> listRules() {
        List<ListedRule> listed = new ArrayList<>();
        for (IpFamily family : families()) {
            CommandResult result = require(family, List.of("-t", RuleTable.FILTER, "-S"), "list rules");
            result.stdout().lines()
                    .filter(IptablesFirewall::isOwn)
                    .forEach(line -> listed.add(new ListedRule(family, RuleTable.FILTER, line)));
        }
        return List.copyOf(listed);
    }

    private static boolean isOwn(String line) {
        String chain = " " + RuleTable.CHAIN;
        return line.equals("-N" + chain) || line.startsWith("-A" + chain + " ") || line.endsWith(" -j" + chain)
                || line.contains(" -j" + chain + " ");
    }

    private Set<IpFamily> familiesOf(NetworkRules network) {
        Set<IpFamily> of = EnumSet.copyOf(families());
        if (!network.ipv6()) {
            of.remove(IpFamily.IPV6);
        }
        return of;
    }

    private Set<IpFamily> families() {
        if (families == null) {
            families = detectFamilies();
        }
        return families;
    }

    private Set<IpFamily> detectFamilies() {
        if (!runner.isInstalled(IpFamily.IPV4.tool())) {
            throw new FirewallException(FirewallException.Reason.UNAVAILABLE, "iptables is not installed (not on PATH):"
                    + " mdnp needs it to let its networks' traffic through FORWARD", List.of(), "");
        }
        require(IpFamily.IPV4, probe(), "probe iptables");
        Optional<String> ipv6Problem = ipv6Problem();
        if (ipv6Problem.isPresent()) {
            log.warn("IPv6 forwarding rules will be skipped: {}", ipv6Problem.get());
            return EnumSet.of(IpFamily.IPV4);
        }
        return EnumSet.allOf(IpFamily.class);
    }

    private Optional<String> ipv6Problem() {
        if (!runner.isInstalled(IpFamily.IPV6.tool())) {
            return Optional.of("ip6tables is not installed (not on PATH)");
        }
        CommandResult result = runner.run(command(IpFamily.IPV6, probe()));
        if (!result.succeeded()) {
            return Optional.of("`" + result.commandLine() + "` exited " + result.exitCode() + " (IPv6 disabled?): "
                    + result.stderr().strip());
        }
        return Optional.empty();
    }

    private static List<String> probe() {
        return List.of("-t", RuleTable.FILTER, "-n", "-L", RuleTable.FORWARD);
    }

    private void ensurePresent(IpFamily family, List<IptablesEntry> entries) {
        for (IptablesEntry entry : entries) {
            if (!isPresent(family, entry)) {
                require(family, entry.add(), "add " + entry.describe());
            }
        }
    }

    /** Deletes the present ones of {@code entries}, last first, so a chain goes after the rules that need it. */
    private void ensureAbsent(IpFamily family, List<IptablesEntry> entries) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            IptablesEntry entry = entries.get(i);
            if (!isPresent(family, entry)) {
                continue;
            }
            CommandResult result = runner.run(command(family, entry.delete()));
            if (result.exitCode() == ABSENT) {
                log.debug("already gone: {} {}", family.tool(), entry.describe());
            } else if (!result.succeeded()) {
                throw failure("delete " + entry.describe(), result);
            }
        }
    }

    private boolean isPresent(IpFamily family, IptablesEntry entry) {
        CommandResult result = runner.run(command(family, entry.check()));
        if (result.exitCode() != 0 && result.exitCode() != ABSENT) {
            throw failure("check " + entry.describe(), result);
        }
        return result.succeeded();
    }

    private CommandResult require(IpFamily family, List<String> args, String what) {
        CommandResult result = runner.run(command(family, args));
        if (!result.succeeded()) {
            throw failure(what, result);
        }
        return result;
    }

    private static List<String> command(IpFamily family, List<String> args) {
        List<String> command = new ArrayList<>(List.of(family.tool(), "-w", LOCK_WAIT_SECONDS));
        command.addAll(args);
        return command;
    }

    private static FirewallException failure(String what, CommandResult result) {
        String stderr = result.stderr().strip();
        return new FirewallException(FirewallException.Reason.FAILED, what + ": `" + result.commandLine()
                + "` exited " + result.exitCode() + (stderr.isEmpty() ? "" : ": " + stderr), result.command(),
                result.stderr());
    }
}
