package dev.mdnp.daemon.dataplane.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The iptables firewall against the real iptables and ip6tables, inside a private network namespace per test, so the
 * host's rules are never touched. The kernel's listings must equal the goldens the unit tests hold the fake to.
 */
@Tag("kernel")
class IptablesFirewallKernelTest {

    private static final NetworkRules IPV4_ONLY = IptablesFirewallTest.VARIANTS.get("ipv4-only");
    private static final NetworkRules IPV6 = IptablesFirewallTest.VARIANTS.get("ipv6");

    private final RecordingCommandListener listener = new RecordingCommandListener();
    private Namespaces namespaces;
    private CommandRunner inNamespace;
    private Firewall firewall;

    @BeforeEach
    void createNamespace() {
        KernelTestEnvironment.requireRootAnd("ip", "iptables", "ip6tables");
        namespaces = new Namespaces();
        String name = namespaces.create("");
        inNamespace = Namespaces.runnerIn(name);
        firewall = Firewall.iptables(Namespaces.prefix(name), Duration.ofSeconds(20), listener);
    }

    @AfterEach
    void deleteNamespace() {
        if (namespaces != null) {
            namespaces.close();
        }
    }

    @Test
    void installAddRemoveUninstallLeavesTheNamespaceAsItWas() {
        List<String> before = Rulesets.dump(inNamespace);
        GoldenFiles.assertMatchesWithoutUpdate("ruleset.empty", before);

        firewall.install();
        GoldenFiles.assertMatchesWithoutUpdate("ruleset.installed", Rulesets.dump(inNamespace));
        firewall.addNetwork(IPV6);
        GoldenFiles.assertMatchesWithoutUpdate("ruleset.ipv6", Rulesets.dump(inNamespace));
        firewall.removeNetwork(IPV6);
        GoldenFiles.assertMatchesWithoutUpdate("ruleset.installed", Rulesets.dump(inNamespace));
        firewall.uninstall();

        assertThat(Rulesets.dump(inNamespace)).isEqualTo(before);
    }

    @Test
    void anIpv4OnlyNetworkGetsNoIpv6Rules() {
        firewall.install();

        firewall.addNetwork(IPV4_ONLY);

        GoldenFiles.assertMatchesWithoutUpdate("ruleset.ipv4-only", Rulesets.dump(inNamespace));
    }

    @Test
    void repeatingEveryCallChangesNothing() {
        firewall.install();
        firewall.install();
        firewall.addNetwork(IPV6);
        firewall.addNetwork(IPV6);
        GoldenFiles.assertMatchesWithoutUpdate("ruleset.ipv6", Rulesets.dump(inNamespace));

        firewall.removeNetwork(IPV6);
        firewall.removeNetwork(IPV6);
        firewall.uninstall();
        firewall.uninstall();

        GoldenFiles.assertMatchesWithoutUpdate("ruleset.empty", Rulesets.dump(inNamespace));
    }

    @Test
    void listRulesReadsTheKernelsListing() {
        firewall.addNetwork(IPV4_ONLY);
        firewall.addNetwork(IPV6);

        GoldenFiles.assertMatchesWithoutUpdate("list.two-networks", firewall.listRules().stream()
                .map(rule -> rule.family() + " " + rule.table() + " " + rule.line()).toList());
    }

    @Test
    void uninstallRefusesWhileANetworkHasRules() {
        firewall.install();
        firewall.addNetwork(IPV4_ONLY);

        assertThatThrownBy(firewall::uninstall).isInstanceOfSatisfying(FirewallException.class,
                e -> assertThat(e.reason()).isEqualTo(FirewallException.Reason.IN_USE));
        GoldenFiles.assertMatchesWithoutUpdate("ruleset.ipv4-only", Rulesets.dump(inNamespace));
    }

    @Test
    void theJumpIsAppendedAfterRulesAlreadyInForward() {
        // Docker's own jumps, as a Docker host has them before mdnp starts
        for (String tool : List.of("iptables", "ip6tables")) {
            run(tool, "-w", "5", "-N", "DOCKER-USER");
            run(tool, "-w", "5", "-A", "FORWARD", "-j", "DOCKER-USER");
        }

        firewall.install();

        assertThat(Rulesets.dump(inNamespace)).filteredOn(line -> line.startsWith("-A FORWARD"))
                .containsExactly("-A FORWARD -j DOCKER-USER", "-A FORWARD -j MDNP-FORWARD",
                        "-A FORWARD -j DOCKER-USER", "-A FORWARD -j MDNP-FORWARD");
    }

    @Test
    void everyCommandReachesTheListener() {
        firewall.install();
        firewall.addNetwork(IPV6);

        assertThat(listener.events()).hasSizeGreaterThan(10)
                .allMatch(event -> event.startsWith("finished ") && event.contains(" ip netns exec mdnptfw-"));
        assertThat(listener.durations()).allMatch(took -> took.compareTo(Duration.ZERO) > 0);
    }

    private void run(String... command) {
        CommandResult result = inNamespace.run(List.of(command));
        assertThat(result.exitCode()).as("%s: %s", result.commandLine(), result.stderr()).isZero();
    }
}
