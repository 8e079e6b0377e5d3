package dev.mdnp.daemon.dataplane.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The iptables firewall against an in-memory iptables: exact commands (goldens), idempotency, cleanup. */
class IptablesFirewallTest {

    /** The networks of the golden variants, keyed by variant name. */
    static final Map<String, NetworkRules> VARIANTS = Map.of(
            "ipv4-only", new NetworkRules("mdnp-1a2b3c4d5e", false),
            "ipv6", new NetworkRules("mdnp-6f7a8b9c0d", true));

    private final FakeIptables iptables = new FakeIptables();
    private final RecordingCommandRunner recording = new RecordingCommandRunner(iptables);
    private final IptablesFirewall firewall = new IptablesFirewall(recording);

    static Stream<String> variants() {
        return VARIANTS.keySet().stream().sorted();
    }

    @Test
    void installCreatesTheChainAndAppendsTheJump() {
        firewall.install();

        GoldenFiles.assertMatches("install", recording.lines());
        GoldenFiles.assertMatches("ruleset.installed", Rulesets.dump(iptables));
    }

    @Test
    void aFreshTableIsEmpty() {
        GoldenFiles.assertMatches("ruleset.empty", Rulesets.dump(iptables));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void addNetworkChecksThenAppendsEachRule(String variant) {
        firewall.install();
        recording.clear();

        firewall.addNetwork(VARIANTS.get(variant));

        GoldenFiles.assertMatches("add." + variant, recording.lines());
        GoldenFiles.assertMatches("ruleset." + variant, Rulesets.dump(iptables));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void removeNetworkChecksThenDeletesEachRuleInReverse(String variant) {
        firewall.install();
        firewall.addNetwork(VARIANTS.get(variant));
        recording.clear();

        firewall.removeNetwork(VARIANTS.get(variant));

        GoldenFiles.assertMatches("remove." + variant, recording.lines());
    }

    @ParameterizedTest
    @MethodSource("variants")
    void addThenRemoveReturnsToTheCleanedRuleset(String variant) {
        firewall.install();

        firewall.addNetwork(VARIANTS.get(variant));
        firewall.removeNetwork(VARIANTS.get(variant));

        GoldenFiles.assertMatchesWithoutUpdate("ruleset.installed", Rulesets.dump(iptables));
    }

    @Test
    void addNetworkInstallsTheChainAndJumpWhenTheyAreMissing() {
        firewall.addNetwork(VARIANTS.get("ipv6"));

        GoldenFiles.assertMatchesWithoutUpdate("ruleset.ipv6", Rulesets.dump(iptables));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void secondAddOnlyChecks(String variant) {
        firewall.addNetwork(VARIANTS.get(variant));
        recording.clear();

        firewall.addNetwork(VARIANTS.get(variant));

        assertThat(recording.lines()).isNotEmpty().allMatch(IptablesFirewallTest::isCheck);
    }

    @ParameterizedTest
    @MethodSource("variants")
    void secondRemoveOnlyChecks(String variant) {
        firewall.addNetwork(VARIANTS.get(variant));
        firewall.removeNetwork(VARIANTS.get(variant));
        recording.clear();

        firewall.removeNetwork(VARIANTS.get(variant));

        assertThat(recording.lines()).isNotEmpty().allMatch(IptablesFirewallTest::isCheck);
    }

    @Test
    void secondInstallOnlyChecks() {
        firewall.install();
        recording.clear();

        firewall.install();

        assertThat(recording.lines()).isNotEmpty().allMatch(IptablesFirewallTest::isCheck);
    }

    @Test
    void removeOfANetworkNeverAddedSucceeds() {
        firewall.removeNetwork(VARIANTS.get("ipv6"));

        GoldenFiles.assertMatchesWithoutUpdate("ruleset.empty", Rulesets.dump(iptables));
    }

    @Test
    void uninstallDeletesTheJumpThenTheChain() {
        firewall.install();
        recording.clear();

        firewall.uninstall();

        GoldenFiles.assertMatches("uninstall", recording.lines());
        GoldenFiles.assertMatchesWithoutUpdate("ruleset.empty", Rulesets.dump(iptables));
    }

    @Test
    void uninstallOfNothingInstalledOnlyLooks() {
        firewall.uninstall();

        assertThat(recording.lines()).isNotEmpty().allMatch(line -> isCheck(line) || line.endsWith(" -S"));
    }

    @Test
    void uninstallRefusesWhileANetworkHasRulesAndChangesNothing() {
        firewall.addNetwork(VARIANTS.get("ipv6"));
        List<String> before = Rulesets.dump(iptables);

        assertThatThrownBy(firewall::uninstall)
                .isInstanceOfSatisfying(FirewallException.class,
                        e -> assertThat(e.reason()).isEqualTo(FirewallException.Reason.IN_USE))
                .hasMessageContaining("mdnp-6f7a8b9c0d");
        assertThat(Rulesets.dump(iptables)).isEqualTo(before);
    }

    @Test
    void listRulesShowsTheChainTheJumpAndEachNetworksTaggedRules() {
        firewall.addNetwork(VARIANTS.get("ipv4-only"));
        firewall.addNetwork(VARIANTS.get("ipv6"));

        List<ListedRule> rules = firewall.listRules();

        GoldenFiles.assertMatches("list.two-networks",
                rules.stream().map(rule -> rule.family() + " " + rule.table() + " " + rule.line()).toList());
        assertThat(rules).filteredOn(ListedRule::inOwnChain)
                .extracting(rule -> rule.bridge().orElseThrow())
                .containsOnly("mdnp-1a2b3c4d5e", "mdnp-6f7a8b9c0d");
    }

    @Test
    void missingIp6tablesSkipsIpv6RulesWithoutFailing() {
        FakeIptables ipv4Only = new FakeIptables(EnumSet.of(IpFamily.IPV4), EnumSet.noneOf(IpFamily.class));
        RecordingCommandRunner runner = new RecordingCommandRunner(ipv4Only);

        new IptablesFirewall(runner).addNetwork(VARIANTS.get("ipv6"));

        assertThat(runner.lines()).noneMatch(line -> line.startsWith("ip6tables"));
        assertThat(Rulesets.dump(ipv4Only, List.of(IpFamily.IPV4))).contains(
                "-A MDNP-FORWARD -i mdnp-6f7a8b9c0d -o mdnp-6f7a8b9c0d -m comment --comment \"mdnp:mdnp-6f7a8b9c0d\""
                        + " -j ACCEPT");
    }

    @Test
    void ip6tablesWithoutKernelSupportSkipsIpv6RulesAfterOneProbe() {
        FakeIptables noIpv6 = new FakeIptables(EnumSet.allOf(IpFamily.class), EnumSet.of(IpFamily.IPV6));
        RecordingCommandRunner runner = new RecordingCommandRunner(noIpv6);
        IptablesFirewall ipv4Firewall = new IptablesFirewall(runner);

        ipv4Firewall.install();
        ipv4Firewall.addNetwork(VARIANTS.get("ipv6"));
        ipv4Firewall.removeNetwork(VARIANTS.get("ipv6"));

        assertThat(runner.lines()).filteredOn(line -> line.startsWith("ip6tables"))
                .containsExactly("ip6tables -w 5 -t filter -n -L FORWARD");
    }

    @Test
    void missingIptablesIsReportedAsUnavailable() {
        IptablesFirewall noTools = new IptablesFirewall(
                new FakeIptables(EnumSet.noneOf(IpFamily.class), EnumSet.noneOf(IpFamily.class)));

        assertThatThrownBy(noTools::install)
                .isInstanceOfSatisfying(FirewallException.class,
                        e -> assertThat(e.reason()).isEqualTo(FirewallException.Reason.UNAVAILABLE))
                .hasMessageContaining("iptables is not installed");
    }

    @Test
    void aFailedCommandIsNamedWithItsStderr() {
        IptablesFirewall unprivileged = new IptablesFirewall(new FailingCommandRunner());

        assertThatThrownBy(unprivileged::install)
                .isInstanceOfSatisfying(FirewallException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FirewallException.Reason.FAILED);
                    assertThat(e.command()).containsExactly("iptables", "-w", "5", "-t", "filter", "-n", "-L",
                            "FORWARD");
                    assertThat(e.stderr()).isEqualTo(FailingCommandRunner.STDERR);
                })
                .hasMessage("probe iptables: `iptables -w 5 -t filter -n -L FORWARD` exited 4: "
                        + FailingCommandRunner.STDERR.strip());
    }

    @Test
    void aRuleDeletedByOthersBetweenCheckAndDeleteCountsAsRemoved() {
        firewall.install();
        firewall.addNetwork(VARIANTS.get("ipv4-only"));
        CommandRunner racing = new CommandRunner() {
            @Override
            public boolean isInstalled(String program) {
                return iptables.isInstalled(program);
            }

            @Override
            public CommandResult run(List<String> command) {
                if (command.contains("-D")) {
                    iptables.run(command);
                }
                return iptables.run(command);
            }
        };

        new IptablesFirewall(racing).removeNetwork(VARIANTS.get("ipv4-only"));

        GoldenFiles.assertMatchesWithoutUpdate("ruleset.installed", Rulesets.dump(iptables));
    }

    @Test
    void aTimeoutWithinTheLockWaitIsRefused() {
        assertThatThrownBy(() -> Firewall.iptables(List.of(), Duration.ofSeconds(5), CommandListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lock wait");
    }

    private static boolean isCheck(String line) {
        return line.contains(" -C ") || line.contains(" -n -L ");
    }
}
