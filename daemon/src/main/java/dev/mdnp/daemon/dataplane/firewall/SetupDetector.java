package dev.mdnp.daemon.dataplane.firewall;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds out, once, which iptables variant the firewall writes and which families it can program: the variant
 * {@code iptables -V} names, unless only the other one holds Docker's chains (the alternatives were switched after
 * Docker started); IPv6 when its tools are installed and work. Looks into the legacy tables only when the kernel has
 * loaded them: listing them would load them, and iptables-nft would then warn about them on every later call.
 */
final class SetupDetector {

    private static final Logger log = LoggerFactory.getLogger(SetupDetector.class);
    /** The legacy tables the kernel has loaded, one name a line; absent or empty without any. */
    private static final String LEGACY_TABLES = "/proc/net/ip_tables_names";

    private final CommandRunner runner;

    SetupDetector(CommandRunner runner) {
        this.runner = requireNonNull(runner, "runner");
    }

    Setup detect() {
        if (!runner.isInstalled(IpFamily.IPV4.tool())) {
            throw new FirewallException(FirewallException.Reason.UNAVAILABLE, "iptables is not installed (not on PATH):"
                    + " mdnp needs it for its networks' forwarding, NAT and isolation", List.of(), "");
        }
        Backend backend = Backend.ofVersion(require(List.of(IpFamily.IPV4.tool(), "-V"), "ask iptables' version")
                .stdout());
        if (backend != Backend.PLAIN && !runner.isInstalled(backend.restore(IpFamily.IPV4))) {
            backend = Backend.PLAIN;
        }
        backend = dockersBackend(backend);
        require(List.of(backend.save(IpFamily.IPV4), "-t", RuleTable.FILTER), "probe iptables");
        Optional<String> ipv6Problem = ipv6Problem(backend);
        if (ipv6Problem.isPresent()) {
            log.warn("IPv6 rules will be skipped: {}", ipv6Problem.get());
            return new Setup(backend, EnumSet.of(IpFamily.IPV4));
        }
        log.info("firewall uses {} and {}", backend.restore(IpFamily.IPV4), backend.restore(IpFamily.IPV6));
        return new Setup(backend, EnumSet.allOf(IpFamily.class));
    }

    /**
     * Returns the variant whose tables hold Docker's chains when only the other one of the two named variants does
     * (the alternatives were switched after Docker started); else {@code preferred}, the one {@code iptables} is.
     */
    private Backend dockersBackend(Backend preferred) {
        Backend other = preferred.other();
        if (other == Backend.PLAIN || !runner.isInstalled(other.save(IpFamily.IPV4))) {
            return preferred;
        }
        if (hasDockerChains(preferred) || !hasDockerChains(other)) {
            return preferred;
        }
        log.warn("Docker's chains are in {} tables, not in those of iptables on PATH; mdnp uses {} as Docker does",
                other.name().toLowerCase(Locale.ROOT), other.restore(IpFamily.IPV4));
        return other;
    }

    private boolean hasDockerChains(Backend backend) {
        if (backend == Backend.LEGACY && !legacyFilterLoaded()) {
            return false; // and no legacy-save: it would load the legacy tables, which iptables-nft then warns about
        }
        CommandResult result = runner.run(List.of(backend.save(IpFamily.IPV4), "-t", RuleTable.FILTER), "");
        return result.succeeded() && Ruleset.parse(result.stdout()).hasChain(RuleTable.FILTER, RuleTable.DOCKER_USER);
    }

    /** Returns true when the legacy x_tables filter table exists in the namespace ({@code /proc/net/ip_tables_names}). */
    private boolean legacyFilterLoaded() {
        if (!runner.isInstalled("cat")) {
            return true; // cannot tell: look, as before
        }
        CommandResult result = runner.run(List.of("cat", LEGACY_TABLES), "");
        return result.succeeded() && result.stdout().lines().anyMatch(RuleTable.FILTER::equals);
    }

    private Optional<String> ipv6Problem(Backend backend) {
        String save = backend.save(IpFamily.IPV6);
        if (!runner.isInstalled(save)) {
            return Optional.of(save + " is not installed (not on PATH)");
        }
        CommandResult result = runner.run(List.of(save, "-t", RuleTable.FILTER), "");
        if (!result.succeeded()) {
            return Optional.of("`" + result.commandLine() + "` exited " + result.exitCode() + " (IPv6 disabled?): "
                    + result.stderr().strip());
        }
        return Optional.empty();
    }

    private CommandResult require(List<String> command, String what) {
        CommandResult result = runner.run(command, "");
        if (!result.succeeded()) {
            String stderr = result.stderr().strip();
            throw new FirewallException(FirewallException.Reason.FAILED, what + ": `" + result.commandLine()
                    + "` exited " + result.exitCode() + (stderr.isEmpty() ? "" : ": " + stderr), result.command(),
                    result.stderr());
        }
        return result;
    }
}
