package dev.mdnp.daemon.dataplane.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The iptables firewall against the real iptables and ip6tables, in both variants, each test in a private namespace:
 * changes undo exactly, mdnp's jumps sit where Docker's chains want them, a restore cleans up what earlier runs and
 * releases left, and a change that fails on a damaged table goes through.
 */
@Tag("kernel")
class IptablesFirewallKernelTest {

    private static final NetworkRules V4 = FirewallVariants.DEFAULT;
    private static final NetworkRules DUAL = FirewallVariants.DUAL_STACK;
    private static final NetworkRules PNAT = FirewallVariants.PORTS_NAT;
    private static final NetworkRules PROUTED = FirewallVariants.PORTS_ROUTED;

    private Namespaces namespaces;
    private IptablesNamespace ns;

    @BeforeEach
    void requirePrivilege() {
        KernelTestEnvironment.requireRootAnd("ip", "iptables-nft", "iptables-legacy", "ip6tables-nft",
                "ip6tables-legacy");
        namespaces = new Namespaces();
    }

    @AfterEach
    void deleteNamespaces() {
        if (ns != null) {
            ns.close();
        }
        if (namespaces != null) {
            namespaces.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"NFT", "LEGACY"})
    void addingAndRemovingNetworksAndPortsReturnsTheTablesToTheirStateBefore(Backend backend) {
        ns = IptablesNamespace.create(namespaces, backend);
        IptablesFirewall firewall = ns.firewall();
        firewall.restore(List.of(V4), List.of());
        List<String> ipv4 = ns.dump(IpFamily.IPV4);
        List<String> ipv6 = ns.dump(IpFamily.IPV6);

        firewall.addNetwork(PNAT);
        firewall.addPorts(FirewallVariants.NAT_PORTS);
        firewall.addPorts(FirewallVariants.NAT_PORTS_OTHER);
        firewall.addNetwork(PROUTED);
        firewall.addPorts(FirewallVariants.ROUTED_PORTS);
        assertThat(ns.dump(IpFamily.IPV4)).isNotEqualTo(ipv4);
        firewall.removePorts(FirewallVariants.NAT_PORTS);
        firewall.removePorts(FirewallVariants.NAT_PORTS_OTHER);
        firewall.removeNetwork(PNAT);
        firewall.removePorts(FirewallVariants.ROUTED_PORTS);
        firewall.removeNetwork(PROUTED);

        assertThat(ns.dump(IpFamily.IPV4)).isEqualTo(ipv4);
        assertThat(ns.dump(IpFamily.IPV6)).isEqualTo(ipv6);
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"NFT", "LEGACY"})
    void removingANetworkAlsoRemovesItsEndpointsPorts(Backend backend) {
        ns = IptablesNamespace.create(namespaces, backend);
        IptablesFirewall firewall = ns.firewall();
        firewall.restore(List.of(V4), List.of());
        List<String> ipv4 = ns.dump(IpFamily.IPV4);
        List<String> ipv6 = ns.dump(IpFamily.IPV6);
        firewall.addNetwork(PNAT);
        firewall.addPorts(FirewallVariants.NAT_PORTS);
        firewall.addPorts(FirewallVariants.NAT_PORTS_OTHER);

        firewall.removeNetwork(PNAT);

        assertThat(ns.dump(IpFamily.IPV4)).isEqualTo(ipv4);
        assertThat(ns.dump(IpFamily.IPV6)).isEqualTo(ipv6);
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"NFT", "LEGACY"})
    void aSecondAddRunsNothing(Backend backend) {
        ns = IptablesNamespace.create(namespaces, backend);
        IptablesFirewall firewall = ns.firewall();
        firewall.restore(List.of(), List.of());
        firewall.addNetwork(PNAT);
        firewall.addPorts(FirewallVariants.NAT_PORTS);
        List<String> ipv4 = ns.dump(IpFamily.IPV4);
        int commands = ns.listener().events().size();

        firewall.addNetwork(PNAT);
        firewall.addPorts(FirewallVariants.NAT_PORTS);

        assertThat(ns.listener().events()).hasSize(commands);
        assertThat(ns.dump(IpFamily.IPV4)).isEqualTo(ipv4);
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"NFT", "LEGACY"})
    void anIpv4OnlyNetworkLeavesIp6tablesAsItWas(Backend backend) {
        ns = IptablesNamespace.create(namespaces, backend);
        IptablesFirewall firewall = ns.firewall();
        firewall.restore(List.of(), List.of());
        List<String> ipv6 = ns.dump(IpFamily.IPV6);

        firewall.addNetwork(V4);
        assertThat(ns.dump(IpFamily.IPV6)).isEqualTo(ipv6);
        firewall.removeNetwork(V4);

        assertThat(ns.dump(IpFamily.IPV6)).isEqualTo(ipv6);
        assertThat(ns.listener().events()).filteredOn(event -> event.contains("ip6tables"))
                .noneMatch(event -> event.contains("-restore") && !event.contains("finished 0"));
    }

    @Test
    void withoutIp6tablesADualStackNetworkGetsItsIpv4Rules() {
        ns = IptablesNamespace.withoutIp6tables(namespaces, Backend.NFT);
        IptablesFirewall firewall = ns.firewall();

        firewall.restore(List.of(DUAL), List.of());
        firewall.addNetwork(PNAT);
        firewall.addPorts(FirewallVariants.NAT_PORTS);

        assertThat(ns.ruleset(IpFamily.IPV4).allRules()).anyMatch(rule -> rule.comment().equals(FirewallVariants.tag(DUAL)))
                .anyMatch(rule -> rule.comment().equals(FirewallVariants.tag(PNAT)));
        assertThat(ns.dump(IpFamily.IPV6)).noneMatch(line -> line.contains("mdnp") || line.contains("MDNP"));
        assertThat(ns.listener().events()).noneMatch(event -> event.contains("ip6tables"));
        assertThat(firewall.check()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"NFT", "LEGACY"})
    void mdnpsJumpsComeAfterTheUsersRulesAndBeforeDockers(Backend backend) {
        ns = IptablesNamespace.create(namespaces, backend);
        for (IpFamily family : IpFamily.values()) {
            dockerChains(family);
            ns.iptables(family, "-I", "DOCKER-USER", "1", "-i", "mdnpt-user", "-j", "DROP");
        }
        IptablesFirewall firewall = ns.firewall();

        firewall.restore(List.of(DUAL), List.of());
        for (IpFamily family : IpFamily.values()) {
            ns.iptables(family, "-I", "DOCKER-USER", "1", "-i", "mdnpt-later", "-j", "DROP");
        }

        assertThat(firewall.repair().unchanged()).isTrue();
        for (IpFamily family : IpFamily.values()) {
            assertThat(ns.chain(family, "filter", "DOCKER-USER")).as(family.tool()).containsExactly(
                    "-A DOCKER-USER -i mdnpt-later -j DROP",
                    "-A DOCKER-USER -i mdnpt-user -j DROP",
                    "-A DOCKER-USER -m comment --comment mdnp -j MDNP-FORWARD",
                    "-A DOCKER-USER -j RETURN");
            assertThat(ns.chain(family, "filter", "FORWARD")).as(family.tool()).containsExactly(
                    "-A FORWARD -j DOCKER-USER",
                    "-A FORWARD -j DOCKER-FORWARD",
                    "-A FORWARD -m comment --comment mdnp -j MDNP-FORWARD");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"NFT", "LEGACY"})
    void unusedChainsGoOnlyOnceNoNetworksRulesAreLeftInThem(Backend backend) {
        ns = IptablesNamespace.create(namespaces, backend);
        IptablesFirewall firewall = ns.firewall();
        firewall.addNetwork(DUAL);
        List<String> withNetwork = ns.dump(IpFamily.IPV4);

        assertThat(ns.firewall().removeIfUnused()).as("another daemon stopping keeps this one's chains").isTrue();
        assertThat(ns.dump(IpFamily.IPV4)).isEqualTo(withNetwork);

        firewall.removeNetwork(DUAL);
        assertThat(firewall.removeIfUnused()).isFalse();
        for (IpFamily family : IpFamily.values()) {
            assertThat(ns.dump(family)).as("%s", family).noneMatch(line -> line.contains("mdnp") || line.contains("MDNP"));
        }
        assertThat(firewall.removeIfUnused()).as("nothing left is nothing to do").isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"NFT", "LEGACY"})
    void restoreDeletesWhatNobodyOwnsAndKeepsForeignRules(Backend backend) {
        ns = IptablesNamespace.create(namespaces, backend);
        dockerChains(IpFamily.IPV4);
        ns.restore(IpFamily.IPV4, """
                *filter
                :FOREIGN - [0:0]
                :MDNP-FORWARD - [0:0]
                :MDNP-OLD - [0:0]
                -A FORWARD -j MDNP-FORWARD
                -A FORWARD -i eth9 -j ACCEPT
                -A FORWARD -j MDNP-OLD
                -A FOREIGN -s 192.0.2.9/32 -j DROP
                -A MDNP-FORWARD -i mdnpt-old -o mdnpt-old -m comment --comment mdnp:mdnpt-old -j ACCEPT
                -A MDNP-FORWARD -i mdnpt-gone -o mdnpt-gone -m comment --comment mdnp:test:mdnpt-gone -j ACCEPT
                -A MDNP-FORWARD -i mdnpt-oth -o mdnpt-oth -m comment --comment mdnp:other:mdnpt-oth -j ACCEPT
                -A MDNP-OLD -j ACCEPT
                COMMIT
                *nat
                :MDNP-POSTROUTING - [0:0]
                -A POSTROUTING -s 192.0.2.0/24 ! -o eth9 -j MASQUERADE
                -A POSTROUTING -j MDNP-POSTROUTING
                -A MDNP-POSTROUTING -s 10.99.77.0/24 ! -o mdnpt-gone -m comment --comment mdnp:test:mdnpt-gone -j MASQUERADE
                COMMIT
                """);
        ns.restore(IpFamily.IPV6, """
                *filter
                :MDNP-STRAY - [0:0]
                -A MDNP-STRAY -m comment --comment mdnp:test:mdnpt-gone -j DROP
                COMMIT
                """);
        Predicate<String> foreign = line -> line.startsWith("-A") && !line.contains("mdnp") && !line.contains("MDNP");
        List<String> foreignBefore = ns.dump(IpFamily.IPV4).stream().filter(foreign).toList();
        IptablesFirewall firewall = ns.firewall();

        FirewallReport report = firewall.restore(List.of(V4), List.of());

        assertThat(report.removedBridges()).containsExactly("mdnpt-gone");
        assertThat(report.repairedBridges()).containsExactly(V4.bridge());
        assertThat(report.baseRepaired()).isTrue();
        assertThat(ns.dump(IpFamily.IPV4).stream().filter(foreign).toList()).isEqualTo(foreignBefore);
        assertThat(ns.chain(IpFamily.IPV4, "filter", "FORWARD")).containsExactly(
                "-A FORWARD -j DOCKER-USER",
                "-A FORWARD -j DOCKER-FORWARD",
                "-A FORWARD -i eth9 -j ACCEPT",
                "-A FORWARD -m comment --comment mdnp -j MDNP-FORWARD");
        for (IpFamily family : IpFamily.values()) {
            Ruleset present = ns.ruleset(family);
            assertThat(present.allRules()).noneMatch(rule -> rule.comment().contains("mdnpt-gone"));
            assertThat(present.chains("filter")).doesNotContain("MDNP-OLD", "MDNP-STRAY");
        }
        assertThat(ns.ruleset(IpFamily.IPV4).allRules()).extracting(RuleLine::comment)
                .as("another daemon's rule, and an unknown bridge's of a release without daemons, could be anyone's")
                .contains("mdnp:other:mdnpt-oth", "mdnp:mdnpt-old");
        assertThat(firewall.check()).isEmpty();
        assertThat(firewall.repair().unchanged()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"NFT", "LEGACY"})
    void aRemovalFailingOnAFlushedChainGoesThroughTheFallback(Backend backend) {
        ns = IptablesNamespace.create(namespaces, backend);
        IptablesFirewall firewall = ns.firewall();
        firewall.restore(List.of(V4, DUAL), List.of());
        ns.iptables(IpFamily.IPV4, "-F", "MDNP-FORWARD");
        int before = ns.listener().events().size();

        firewall.removeNetwork(DUAL);

        List<String> events = ns.listener().events().subList(before, ns.listener().events().size());
        assertThat(events).anySatisfy(event -> assertThat(event).startsWith("finished 1 ")
                .contains(backend.restore(IpFamily.IPV4)));
        for (IpFamily family : IpFamily.values()) {
            assertThat(ns.ruleset(family).allRules()).noneMatch(rule -> rule.comment().equals(FirewallVariants.tag(DUAL)));
        }
        assertThat(ns.ruleset(IpFamily.IPV4).allRules()).anyMatch(rule -> rule.comment().equals(FirewallVariants.tag(V4)));
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"NFT", "LEGACY"})
    void publishingIntoADeletedChainGoesThroughTheFallback(Backend backend) {
        ns = IptablesNamespace.create(namespaces, backend);
        IptablesFirewall firewall = ns.firewall();
        firewall.restore(List.of(PNAT), List.of());
        for (IpFamily family : IpFamily.values()) {
            for (String chain : List.of("PREROUTING", "OUTPUT")) {
                ns.iptables(family, "-t", "nat", "-D", chain, "-m", "addrtype", "--dst-type", "LOCAL", "-m",
                        "comment", "--comment", "mdnp", "-j", "MDNP-DNAT");
            }
            ns.iptables(family, "-t", "nat", "-X", "MDNP-DNAT");
        }

        firewall.addPorts(FirewallVariants.NAT_PORTS);

        assertThat(firewall.check()).isEmpty();
        for (IpFamily family : IpFamily.values()) {
            assertThat(ns.ruleset(family).rules("nat", "MDNP-DNAT")).extracting(RuleLine::key)
                    .containsExactlyElementsOf(RuleTable.ports(FirewallVariants.INSTANCE, FirewallVariants.NAT_PORTS, family).stream()
                            .map(RuleLine::key).toList());
        }
    }

    @Test
    void followsDockerIntoLegacyTablesWhenOnlyTheyHoldDockerUser() {
        ns = IptablesNamespace.create(namespaces, Backend.NFT);
        ns.otherIptables(IpFamily.IPV4, "-N", "DOCKER-USER");
        ns.otherIptables(IpFamily.IPV4, "-A", "DOCKER-USER", "-j", "RETURN");
        IptablesFirewall firewall = ns.firewall();

        firewall.restore(List.of(V4), List.of());

        assertThat(ns.dump(IpFamily.IPV4)).noneMatch(line -> line.contains("mdnp"));
        assertThat(ns.dumpOfTheOtherVariant(IpFamily.IPV4)).contains(
                "-A DOCKER-USER -m comment --comment mdnp -j MDNP-FORWARD",
                "-A DOCKER-USER -j RETURN");
        assertThat(ns.listener().events()).filteredOn(event -> event.contains("-restore"))
                .isNotEmpty().allMatch(event -> event.contains("-legacy-restore"));
    }

    @Test
    void lookingForDockersChainsLoadsNoLegacyTablesWhereThereAreNone() {
        ns = IptablesNamespace.create(namespaces, Backend.NFT);
        CommandResult before = Namespaces.runnerIn(ns.name()).run(List.of("cat", "/proc/net/ip_tables_names"), "");
        assertThat(before.stdout()).as("a fresh namespace has no legacy tables").isBlank();

        ns.firewall().restore(List.of(V4), List.of());

        CommandResult after = Namespaces.runnerIn(ns.name()).run(List.of("cat", "/proc/net/ip_tables_names"), "");
        assertThat(after.stdout()).as("iptables-nft would warn 'iptables-legacy tables present'").isBlank();
    }

    @Test
    void theDaemonsFirewallWritesTheVariantIptablesOnPathIs() {
        String name = namespaces.create("-path");
        Backend onPath = Backend.ofVersion(Namespaces.hostRunner().run(List.of("iptables", "-V"), "").stdout());
        Firewall firewall = Firewall.iptables(FirewallVariants.INSTANCE, Namespaces.prefix(name), java.time.Duration.ofSeconds(20),
                CommandListener.NONE, Namespaces.SCRATCH);

        firewall.restore(List.of(V4), List.of());

        CommandResult saved = Namespaces.runnerIn(name).run(List.of(onPath.save(IpFamily.IPV4)), "");
        assertThat(Ruleset.parse(saved.stdout()).allRules()).anyMatch(rule -> rule.comment().equals(FirewallVariants.tag(V4)));
        assertThat(firewall.check()).isEmpty();
    }

    /** Docker's chains as Docker 28 leaves them: DOCKER-USER, then DOCKER-FORWARD, from FORWARD. */
    private void dockerChains(IpFamily family) {
        ns.iptables(family, "-N", "DOCKER-USER");
        ns.iptables(family, "-N", "DOCKER-FORWARD");
        ns.iptables(family, "-A", "DOCKER-USER", "-j", "RETURN");
        ns.iptables(family, "-A", "FORWARD", "-j", "DOCKER-USER");
        ns.iptables(family, "-A", "FORWARD", "-j", "DOCKER-FORWARD");
    }
}
