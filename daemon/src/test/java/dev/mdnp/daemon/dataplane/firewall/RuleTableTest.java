package dev.mdnp.daemon.dataplane.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * mdnp's layout of chains and rules, held to {@code golden/firewall/*.golden}: {@code base[.docker-user]} for the
 * chains and jumps, {@code network.<variant>} and {@code ports.<variant>} for what a network and its endpoints add,
 * {@code restore.<family>} for the whole script that loads them into empty tables. The kernel tests prove that
 * iptables prints every one of these rules back with the same key.
 */
class RuleTableTest {

    private static final Set<String> TARGETS = Set.of("ACCEPT", "DROP", "RETURN", "MASQUERADE", "DNAT");

    static List<FirewallVariants.Variant> variants() {
        return FirewallVariants.all();
    }

    @ParameterizedTest
    @MethodSource("variants")
    void aVariantsRulesMatchTheirGolden(FirewallVariants.Variant variant) {
        List<String> lines = new ArrayList<>();
        for (IpFamily family : IpFamily.values()) {
            lines.add("# " + family.tool() + " network " + variant.network().bridge());
            RuleTable.network(FirewallVariants.INSTANCE, variant.network(), family).forEach(rule -> lines.add(rule.toString()));
            for (PortRules ports : variant.ports()) {
                lines.add("# " + family.tool() + " ports " + ports.endpoint());
                RuleTable.ports(FirewallVariants.INSTANCE, ports, family).forEach(rule -> lines.add(rule.toString()));
            }
        }
        GoldenFiles.assertMatches(variant.golden(), lines);
    }

    @Test
    void theBaseMatchesItsGolden() {
        GoldenFiles.assertMatches("base", base(false));
    }

    @Test
    void theBaseWithDockersChainsMatchesItsGolden() {
        GoldenFiles.assertMatches("base.docker-user", base(true));
    }

    @ParameterizedTest
    @EnumSource(IpFamily.class)
    void theScriptLoadingEverythingIntoEmptyTablesMatchesItsGolden(IpFamily family) {
        List<RuleLine> wanted = new ArrayList<>(RuleTable.base(family, false));
        FirewallVariants.all().forEach(variant -> wanted.addAll(variant.rules(family)));

        Reconciliation plan = Reconciliation.plan(Ruleset.parse(""), RuleTable.chains(family), wanted,
                RuleTable::isOwn, true);

        GoldenFiles.assertMatches("restore." + family.tool(), plan.script().render().lines().toList());
    }

    @Test
    void everyGoldenHasATest() {
        Set<String> tested = Stream.concat(Stream.of("base", "base.docker-user", "restore.iptables",
                "restore.ip6tables"), FirewallVariants.all().stream().map(FirewallVariants.Variant::golden))
                .collect(Collectors.toSet());

        assertThat(GoldenFiles.names()).allMatch(tested::contains);
    }

    @ParameterizedTest
    @MethodSource("variants")
    void everyRuleOfANetworkCarriesItsBridgesTag(FirewallVariants.Variant variant) {
        String bridge = variant.network().bridge();
        for (IpFamily family : IpFamily.values()) {
            assertThat(variant.rules(family)).allSatisfy(rule -> {
                assertThat(rule.comment()).isEqualTo("mdnp:" + FirewallVariants.INSTANCE + ":" + bridge);
                assertThat(RuleTable.bridgeOf(rule.comment())).isEqualTo(bridge);
                assertThat(RuleTable.isOwn(rule)).isTrue();
                assertThat(rule.placement()).isEqualTo(RuleLine.Placement.APPEND);
            });
        }
    }

    @ParameterizedTest
    @EnumSource(IpFamily.class)
    void everyBaseRuleCarriesTheBaseTag(IpFamily family) {
        assertThat(RuleTable.base(family, true)).allSatisfy(rule -> {
            assertThat(rule.comment()).isEqualTo("mdnp");
            assertThat(RuleTable.bridgeOf(rule.comment())).isEmpty();
            assertThat(RuleTable.isOwn(rule)).isTrue();
        });
    }

    @ParameterizedTest
    @EnumSource(IpFamily.class)
    void everyRuleLivesInAChainThatExistsAndJumpsToOne(IpFamily family) {
        Set<String> own = RuleTable.chains(family).stream().map(c -> c.table() + " " + c.name())
                .collect(Collectors.toSet());
        Set<String> builtIn = Set.of("filter FORWARD", "filter DOCKER-USER", "nat PREROUTING", "nat OUTPUT",
                "nat POSTROUTING", "raw PREROUTING");
        List<RuleLine> all = new ArrayList<>(RuleTable.base(family, true));
        FirewallVariants.all().forEach(variant -> all.addAll(variant.rules(family)));

        assertThat(all).allSatisfy(rule -> {
            assertThat(own.contains(rule.table() + " " + rule.chain())
                    || builtIn.contains(rule.table() + " " + rule.chain())).as("chain of %s", rule).isTrue();
            assertThat(TARGETS.contains(rule.target()) || own.contains(rule.table() + " " + rule.target()))
                    .as("target of %s", rule).isTrue();
        });
    }

    @ParameterizedTest
    @EnumSource(IpFamily.class)
    void noTwoRulesOfAllVariantsAreTheSame(IpFamily family) {
        List<RuleLine> all = new ArrayList<>(RuleTable.base(family, true));
        FirewallVariants.all().forEach(variant -> all.addAll(variant.rules(family)));

        assertThat(all.stream().map(RuleLine::key)).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("variants")
    void everyRuleParsesBackFromItsLine(FirewallVariants.Variant variant) {
        for (IpFamily family : IpFamily.values()) {
            assertThat(variant.rules(family)).allSatisfy(rule -> assertThat(RuleLine.parse(rule.table(),
                    rule.appendLine()).orElseThrow().key()).isEqualTo(rule.key()));
        }
    }

    @Test
    void theRawTableIsIpv4s() {
        assertThat(RuleTable.chains(IpFamily.IPV4)).contains(new RuleTable.ChainName("raw", "MDNP-PREROUTING"));
        assertThat(RuleTable.chains(IpFamily.IPV6)).extracting(RuleTable.ChainName::table).doesNotContain("raw");
        assertThat(RuleTable.base(IpFamily.IPV6, true)).extracting(RuleLine::table).doesNotContain("raw");
    }

    @Test
    void theDockerUserJumpIsThereOnlyWithDockersChain() {
        assertThat(RuleTable.base(IpFamily.IPV4, false)).extracting(RuleLine::chain).doesNotContain("DOCKER-USER");
        assertThat(RuleTable.base(IpFamily.IPV4, true)).filteredOn(rule -> rule.chain().equals("DOCKER-USER"))
                .singleElement()
                .satisfies(rule -> assertThat(rule.placement()).isEqualTo(RuleLine.Placement.BEFORE_RETURN))
                .satisfies(rule -> assertThat(rule.target()).isEqualTo("MDNP-FORWARD"));
    }

    @Test
    void theIsolationJumpIsFirstInMdnpsForwardChain() {
        assertThat(RuleTable.base(IpFamily.IPV4, false)).filteredOn(rule -> rule.chain().equals("MDNP-FORWARD"))
                .singleElement()
                .satisfies(rule -> assertThat(rule.placement()).isEqualTo(RuleLine.Placement.FIRST))
                .satisfies(rule -> assertThat(rule.target()).isEqualTo("MDNP-ISOLATION"));
    }

    @Test
    void anIpv4OnlyNetworkHasNoIpv6Rules() {
        assertThat(RuleTable.network(FirewallVariants.INSTANCE, FirewallVariants.DEFAULT, IpFamily.IPV6)).isEmpty();
        assertThat(RuleTable.network(FirewallVariants.INSTANCE, FirewallVariants.DEFAULT, IpFamily.IPV4)).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(IpFamily.class)
    void anInternalNetworkNeitherAcceptsNorTranslatesTrafficLeavingIt(IpFamily family) {
        List<RuleLine> rules = RuleTable.network(FirewallVariants.INSTANCE, FirewallVariants.INTERNAL, family);

        assertThat(rules).extracting(RuleLine::table).containsOnly("filter");
        assertThat(rules).filteredOn(rule -> rule.target().equals("ACCEPT")).extracting(RuleLine::spec)
                .allSatisfy(spec -> assertThat(String.join(" ", spec)).startsWith("-i mdnpt-int -o mdnpt-int "));
        assertThat(rules).filteredOn(rule -> rule.target().equals("DROP") && rule.chain().equals("MDNP-ISOLATION"))
                .hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(IpFamily.class)
    void iccOffDropsTrafficWithinTheBridgeInsteadOfAcceptingIt(IpFamily family) {
        List<String> lines = RuleTable.network(FirewallVariants.INSTANCE, FirewallVariants.ICC_OFF, family).stream().map(RuleLine::toString)
                .toList();

        assertThat(lines).anyMatch(line -> line.startsWith("-t filter -A MDNP-ISOLATION -i mdnpt-noicc -o mdnpt-noicc ")
                && line.endsWith("-j DROP"));
        assertThat(lines).noneMatch(line -> line.contains("-i mdnpt-noicc -o mdnpt-noicc") && line.endsWith("ACCEPT"));
    }

    @ParameterizedTest
    @EnumSource(IpFamily.class)
    void masqueradeOffKeepsOnlyTheHairpinAndLocalMasquerades(IpFamily family) {
        assertThat(RuleTable.network(FirewallVariants.INSTANCE, FirewallVariants.MASQUERADE_OFF, family)).filteredOn(
                rule -> rule.target().equals("MASQUERADE")).allSatisfy(rule -> assertThat(rule.spec())
                        .containsSubsequence("-o", "mdnpt-nomasq").doesNotContain("!"));
    }

    @Test
    void routedModeTranslatesNothingInItsFamily() {
        assertThat(RuleTable.network(FirewallVariants.INSTANCE, FirewallVariants.ROUTED_V4, IpFamily.IPV4)).extracting(RuleLine::table)
                .containsOnly("filter");
        assertThat(RuleTable.network(FirewallVariants.INSTANCE, FirewallVariants.ROUTED_V4, IpFamily.IPV6)).extracting(RuleLine::table)
                .contains("nat");
        assertThat(RuleTable.network(FirewallVariants.INSTANCE, FirewallVariants.ROUTED_V6, IpFamily.IPV6)).extracting(RuleLine::table)
                .containsOnly("filter");
        assertThat(RuleTable.network(FirewallVariants.INSTANCE, FirewallVariants.ROUTED_V6, IpFamily.IPV4)).extracting(RuleLine::table)
                .contains("nat", "raw");
    }

    @ParameterizedTest
    @EnumSource(IpFamily.class)
    void portsGetOneRulePerMappingOfTheirFamily(IpFamily family) {
        long nat = FirewallVariants.NAT_PORTS.mappings().stream().filter(m -> m.family() == family).count();
        long routed = FirewallVariants.ROUTED_PORTS.mappings().stream().filter(m -> m.family() == family).count();

        assertThat(RuleTable.ports(FirewallVariants.INSTANCE, FirewallVariants.NAT_PORTS, family)).hasSize((int) nat)
                .allSatisfy(rule -> assertThat(rule.chain()).isEqualTo("MDNP-DNAT"));
        assertThat(RuleTable.ports(FirewallVariants.INSTANCE, FirewallVariants.ROUTED_PORTS, family)).hasSize((int) routed)
                .allSatisfy(rule -> assertThat(rule.chain()).isEqualTo("MDNP-FORWARD"));
    }

    @Test
    void tagNamesTheDaemonAndTheBridgeAndBothReadBack() {
        assertThat(RuleTable.tag("mdnp-a", "mdnpt0")).isEqualTo("mdnp:mdnp-a:mdnpt0");
        assertThat(RuleTable.bridgeOf(RuleTable.tag("mdnp-a", "mdnpt0"))).isEqualTo("mdnpt0");
        assertThat(RuleTable.instanceOf(RuleTable.tag("mdnp-a", "mdnpt0"))).isEqualTo("mdnp-a");
        assertThat(RuleTable.bridgeOf("mdnp:mdnpt0")).as("a release without instances").isEqualTo("mdnpt0");
        assertThat(RuleTable.instanceOf("mdnp:mdnpt0")).isEmpty();
        assertThat(RuleTable.instanceOf("mdnp")).isEmpty();
        assertThat(RuleTable.bridgeOf("mdnp")).isEmpty();
        assertThat(RuleTable.bridgeOf("something else")).isEmpty();
        assertThat(RuleTable.bridgeOf("mdnpx:br0")).isEmpty();
    }

    @Test
    void ownRulesAreThoseWithMdnpsCommentOrChains() {
        assertThat(RuleTable.isOwn(rule("filter", "FORWARD", "-m comment --comment mdnp -j ACCEPT"))).isTrue();
        assertThat(RuleTable.isOwn(rule("filter", "FORWARD", "-m comment --comment mdnp:br0 -j ACCEPT"))).isTrue();
        assertThat(RuleTable.isOwn(rule("filter", "FORWARD", "-j MDNP-FORWARD"))).isTrue();
        assertThat(RuleTable.isOwn(rule("filter", "MDNP-OLD", "-j ACCEPT"))).isTrue();
        assertThat(RuleTable.isOwn(rule("filter", "FORWARD", "-j DOCKER-USER"))).isFalse();
        assertThat(RuleTable.isOwn(rule("filter", "FORWARD", "-m comment --comment mdnpx -j ACCEPT"))).isFalse();
        assertThat(RuleTable.isOwn(rule("filter", "FORWARD", "-m comment --comment mdnp: -j ACCEPT"))).isFalse();
        assertThat(RuleTable.isOwn(rule("filter", "DOCKER-USER", "-i mdnp-br -j ACCEPT"))).isFalse();
    }

    private static RuleLine rule(String table, String chain, String spec) {
        return RuleLine.append(table, chain, Tokens.split(spec));
    }

    private static List<String> base(boolean dockerUser) {
        List<String> lines = new ArrayList<>();
        for (IpFamily family : IpFamily.values()) {
            lines.add("# " + family.tool());
            RuleTable.chains(family).forEach(chain -> lines.add("-t " + chain.table() + " -N " + chain.name()));
            RuleTable.base(family, dockerUser).forEach(rule -> lines.add(rule + (rule.placement()
                    == RuleLine.Placement.APPEND ? "" : "    # " + rule.placement())));
        }
        return lines;
    }
}
