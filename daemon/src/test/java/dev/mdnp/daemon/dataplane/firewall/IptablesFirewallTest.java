package dev.mdnp.daemon.dataplane.firewall;

import static dev.mdnp.daemon.dataplane.firewall.FakeIptables.LEGACY;
import static dev.mdnp.daemon.dataplane.firewall.FakeIptables.NFT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The iptables firewall against {@link FakeIptables}: which variant it writes, how many commands a change costs, what
 * it adds, deletes, repairs and reports. The kernel tests repeat what matters against the real iptables.
 */
class IptablesFirewallTest {

    private static final NetworkRules DUAL = FirewallVariants.DUAL_STACK;
    private static final NetworkRules V4 = FirewallVariants.DEFAULT;
    private static final NetworkRules PNAT = FirewallVariants.PORTS_NAT;

    private final FakeIptables iptables = new FakeIptables(NFT);
    private final RecordingCommandRunner recording = new RecordingCommandRunner(iptables);
    private final IptablesFirewall firewall = new IptablesFirewall(recording, FirewallVariants.INSTANCE);

    static List<FirewallVariants.Variant> variants() {
        return FirewallVariants.all();
    }

    @ParameterizedTest
    @MethodSource("variants")
    void addingAVariantLeavesTheTablesHoldingTheBaseAndItsRules(FirewallVariants.Variant variant) {
        firewall.restore(List.of(), List.of());

        add(variant);

        for (IpFamily family : IpFamily.values()) {
            Ruleset present = iptables.ruleset(NFT, family);
            List<RuleLine> wanted = new ArrayList<>(RuleTable.base(family, false));
            wanted.addAll(variant.rules(family));
            assertThat(present.allRules()).extracting(RuleLine::key)
                    .containsExactlyInAnyOrderElementsOf(wanted.stream().map(RuleLine::key).toList());
        }
        assertThat(firewall.check()).isEmpty();
    }

    @Test
    void aChangeIsOneRestorePerFamilyWithoutAListing() {
        firewall.restore(List.of(), List.of());
        recording.clear();

        firewall.addNetwork(DUAL);

        assertThat(recording.lines()).containsExactly("iptables-nft-restore -w 5 --noflush",
                "ip6tables-nft-restore -w 5 --noflush");
    }

    @Test
    void anIpv4OnlyNetworkLeavesIp6tablesAlone() {
        firewall.restore(List.of(), List.of());
        String ipv6 = iptables.save(NFT, IpFamily.IPV6);
        recording.clear();

        firewall.addNetwork(V4);
        firewall.removeNetwork(V4);

        assertThat(recording.lines()).noneMatch(line -> line.startsWith("ip6tables"));
        assertThat(iptables.save(NFT, IpFamily.IPV6)).isEqualTo(ipv6);
    }

    @Test
    void anIpv4OnlyNetworkAddedFirstLeavesIp6tablesUntouched() {
        firewall.addNetwork(V4);

        assertThat(iptables.save(NFT, IpFamily.IPV6)).isEqualTo(new FakeIptables(NFT).save(NFT, IpFamily.IPV6));
        assertThat(recording.lines()).filteredOn(line -> line.startsWith("ip6tables"))
                .containsExactly("ip6tables-nft-save -t filter");
    }

    @Test
    void theFirstAddCreatesTheChainsThroughTheFallback() {
        firewall.addNetwork(V4);

        assertThat(iptables.ruleset(NFT, IpFamily.IPV4).hasChain("filter", "MDNP-FORWARD")).isTrue();
        assertThat(recording.lines()).containsSubsequence("iptables-nft-restore -w 5 --noflush",
                "iptables-nft-save", "iptables-nft-restore -w 5 --noflush");
    }

    @Test
    void aSecondAddOfTheSameNetworkRunsNothing() {
        firewall.addNetwork(PNAT);
        recording.clear();

        firewall.addNetwork(PNAT);

        assertThat(recording.lines()).isEmpty();
    }

    @Test
    void aSecondAddOfTheSamePortsRunsNothingNotEvenConntrack() {
        firewall.addNetwork(PNAT);
        firewall.addPorts(FirewallVariants.NAT_PORTS);
        recording.clear();

        firewall.addPorts(FirewallVariants.NAT_PORTS);

        assertThat(recording.lines()).isEmpty();
    }

    @Test
    void addRemoveReturnsTheTablesToTheirStateBefore() {
        firewall.restore(List.of(V4), List.of());
        String ipv4 = iptables.save(NFT, IpFamily.IPV4);
        String ipv6 = iptables.save(NFT, IpFamily.IPV6);

        firewall.addNetwork(PNAT);
        firewall.addPorts(FirewallVariants.NAT_PORTS);
        firewall.removePorts(FirewallVariants.NAT_PORTS);
        firewall.removeNetwork(PNAT);

        assertThat(iptables.save(NFT, IpFamily.IPV4)).isEqualTo(ipv4);
        assertThat(iptables.save(NFT, IpFamily.IPV6)).isEqualTo(ipv6);
    }

    @Test
    void removeNetworkAlsoRemovesItsEndpointsPorts() {
        firewall.restore(List.of(V4), List.of());
        String ipv4 = iptables.save(NFT, IpFamily.IPV4);
        firewall.addNetwork(PNAT);
        firewall.addPorts(FirewallVariants.NAT_PORTS);
        firewall.addPorts(FirewallVariants.NAT_PORTS_OTHER);

        firewall.removeNetwork(PNAT);

        assertThat(iptables.save(NFT, IpFamily.IPV4)).isEqualTo(ipv4);
        assertThat(iptables.ruleset(NFT, IpFamily.IPV6).allRules()).noneMatch(r -> r.comment().contains("pnat"));
    }

    @Test
    void removePortsKeepsTheOtherEndpointsPorts() {
        firewall.addNetwork(PNAT);
        firewall.addPorts(FirewallVariants.NAT_PORTS);
        firewall.addPorts(FirewallVariants.NAT_PORTS_OTHER);

        firewall.removePorts(FirewallVariants.NAT_PORTS);

        assertThat(iptables.ruleset(NFT, IpFamily.IPV4).rules("nat", "MDNP-DNAT")).extracting(RuleLine::key)
                .containsExactlyElementsOf(RuleTable.ports(FirewallVariants.INSTANCE, FirewallVariants.NAT_PORTS_OTHER, IpFamily.IPV4).stream()
                        .map(RuleLine::key).toList());
    }

    @Test
    void addingANetworkAgainWithOtherOptionsReplacesItsRules() {
        firewall.addNetwork(DUAL);
        NetworkRules iccOff = new NetworkRules(DUAL.bridge(), DUAL.ipv4Subnets(), DUAL.ipv6Subnets(), false, false,
                true, GatewayMode.NAT, GatewayMode.NAT);

        firewall.addNetwork(iccOff);

        for (IpFamily family : IpFamily.values()) {
            List<RuleLine> wanted = new ArrayList<>(RuleTable.base(family, false));
            wanted.addAll(RuleTable.network(FirewallVariants.INSTANCE, iccOff, family));
            assertThat(iptables.ruleset(NFT, family).allRules()).extracting(RuleLine::key)
                    .containsExactlyInAnyOrderElementsOf(wanted.stream().map(RuleLine::key).toList());
        }
    }

    @Test
    void removingPortsThatWereNeverAddedChangesNothing() {
        firewall.restore(List.of(PNAT), List.of());
        String ipv4 = iptables.save(NFT, IpFamily.IPV4);

        firewall.removePorts(FirewallVariants.NAT_PORTS);

        assertThat(iptables.save(NFT, IpFamily.IPV4)).isEqualTo(ipv4);
    }

    @Test
    void removingPortsWhoseAddFailedHalfwayDeletesWhatWasAdded() {
        firewall.restore(List.of(PNAT), List.of());
        iptables.broken("ip6tables-nft-restore");
        assertThatThrownBy(() -> firewall.addPorts(FirewallVariants.NAT_PORTS))
                .isInstanceOf(FirewallException.class);
        assertThat(iptables.ruleset(NFT, IpFamily.IPV4).rules("nat", "MDNP-DNAT")).hasSize(3);

        firewall.removePorts(FirewallVariants.NAT_PORTS);

        assertThat(iptables.ruleset(NFT, IpFamily.IPV4).rules("nat", "MDNP-DNAT")).isEmpty();
    }

    @Test
    void removingPortsAfterARestartWithoutThemDeletesNothingElse() {
        firewall.addNetwork(PNAT);
        firewall.addPorts(FirewallVariants.NAT_PORTS);
        IptablesFirewall restarted = new IptablesFirewall(iptables, FirewallVariants.INSTANCE);
        restarted.restore(List.of(PNAT), List.of(FirewallVariants.NAT_PORTS_OTHER));

        restarted.removePorts(FirewallVariants.NAT_PORTS);

        assertThat(iptables.ruleset(NFT, IpFamily.IPV4).rules("nat", "MDNP-DNAT")).extracting(RuleLine::key)
                .containsExactlyElementsOf(RuleTable.ports(FirewallVariants.INSTANCE, FirewallVariants.NAT_PORTS_OTHER, IpFamily.IPV4).stream()
                        .map(RuleLine::key).toList());
    }

    @Test
    void removingANetworkTheFirewallNeverAddedDeletesItsRulesByTheirTag() {
        firewall.addNetwork(DUAL);
        firewall.addNetwork(V4);
        IptablesFirewall restarted = new IptablesFirewall(iptables, FirewallVariants.INSTANCE);

        restarted.removeNetwork(NetworkRules.bridgeOnly(DUAL.bridge()));

        for (IpFamily family : IpFamily.values()) {
            assertThat(iptables.ruleset(NFT, family).allRules()).noneMatch(r -> r.comment().equals(FirewallVariants.tag(DUAL)));
        }
        assertThat(iptables.ruleset(NFT, IpFamily.IPV4).allRules()).anyMatch(r -> r.comment().equals(FirewallVariants.tag(V4)));
    }

    @Test
    void aRemovalFailingOnAFlushedChainDeletesTheRestThroughTheFallback() {
        firewall.addNetwork(DUAL);
        firewall.addNetwork(V4);
        iptables.load(NFT, IpFamily.IPV4, "*nat\n-F MDNP-POSTROUTING\nCOMMIT\n");

        firewall.removeNetwork(DUAL);

        assertThat(iptables.ruleset(NFT, IpFamily.IPV4).allRules()).noneMatch(r -> r.comment().equals(FirewallVariants.tag(DUAL)))
                .anyMatch(r -> r.comment().equals(FirewallVariants.tag(V4)));
    }

    @Test
    void anAddFailingOnADeletedChainSucceedsThroughTheFallback() {
        firewall.restore(List.of(V4), List.of());
        iptables.load(NFT, IpFamily.IPV4, "*nat\n-F MDNP-POSTROUTING\n-D POSTROUTING -m comment --comment mdnp"
                + " -j MDNP-POSTROUTING\n-X MDNP-POSTROUTING\nCOMMIT\n");

        firewall.addNetwork(DUAL);

        assertThat(iptables.ruleset(NFT, IpFamily.IPV4).rules("nat", "MDNP-POSTROUTING"))
                .anyMatch(r -> r.comment().equals(FirewallVariants.tag(DUAL)));
        assertThat(firewall.check()).extracting(MissingRules::bridge).doesNotContain(DUAL.bridge(), "");
    }

    @Test
    void restoreDeletesWhatNoOwnerWantsAndKeepsForeignRules() {
        iptables.load(NFT, IpFamily.IPV4, """
                *filter
                :DOCKER-USER - [0:0]
                :MDNP-FORWARD - [0:0]
                :MDNP-OLD - [0:0]
                -A FORWARD -j DOCKER-USER
                -A FORWARD -j MDNP-FORWARD
                -A FORWARD -i eth0 -j ACCEPT
                -A DOCKER-USER -j RETURN
                -A MDNP-FORWARD -i gone -o gone -m comment --comment mdnp:test:gone -j ACCEPT
                -A MDNP-FORWARD -i other -o other -m comment --comment mdnp:another-daemon:other -j ACCEPT
                -A MDNP-FORWARD -i old -o old -m comment --comment mdnp:old -j ACCEPT
                -A MDNP-FORWARD -m comment --comment mdnp:mdnpt-def -j ACCEPT
                -A MDNP-OLD -j ACCEPT
                COMMIT
                """);

        FirewallReport report = firewall.restore(List.of(V4), List.of());

        Ruleset present = iptables.ruleset(NFT, IpFamily.IPV4);
        assertThat(present.rules("filter", "FORWARD")).extracting(RuleLine::appendLine).containsExactly(
                "-A FORWARD -j DOCKER-USER", "-A FORWARD -i eth0 -j ACCEPT",
                "-A FORWARD -m comment --comment mdnp -j MDNP-FORWARD");
        assertThat(present.rules("filter", "DOCKER-USER")).extracting(RuleLine::appendLine).containsExactly(
                "-A DOCKER-USER -m comment --comment mdnp -j MDNP-FORWARD", "-A DOCKER-USER -j RETURN");
        assertThat(present.hasChain("filter", "MDNP-OLD")).isFalse();
        assertThat(present.allRules()).noneMatch(r -> r.comment().equals("mdnp:test:gone"))
                .as("a release without instances tagged its own bridge's rule; an unknown bridge's could be anyone's")
                .noneMatch(r -> r.comment().equals("mdnp:mdnpt-def"))
                .anyMatch(r -> r.comment().equals("mdnp:old"))
                .as("another daemon's rules are never touched")
                .anyMatch(r -> r.comment().equals("mdnp:another-daemon:other"));
        assertThat(report.removedBridges()).containsExactly("gone");
        assertThat(report.repairedBridges()).containsExactly(V4.bridge());
        assertThat(report.baseRepaired()).isTrue();
        assertThat(firewall.check()).isEmpty();
    }

    @Test
    void repairPutsBackAFlushedChainAndSaysWhose() {
        firewall.restore(List.of(V4, DUAL), List.of());
        iptables.load(NFT, IpFamily.IPV6, "*filter\n-F MDNP-FORWARD\nCOMMIT\n");

        assertThat(firewall.check()).extracting(MissingRules::bridge).containsExactly("", DUAL.bridge());
        FirewallReport report = firewall.repair();

        assertThat(report.repairedBridges()).containsExactly(DUAL.bridge());
        assertThat(report.baseRepaired()).isTrue();
        assertThat(firewall.check()).isEmpty();
        assertThat(firewall.repair().unchanged()).isTrue();
    }

    @Test
    void repairMovesTheIsolationJumpBackToTheTop() {
        firewall.restore(List.of(V4), List.of());
        iptables.load(NFT, IpFamily.IPV4, "*filter\n-D MDNP-FORWARD -m comment --comment mdnp -j MDNP-ISOLATION\n"
                + "-A MDNP-FORWARD -m comment --comment mdnp -j MDNP-ISOLATION\nCOMMIT\n");

        FirewallReport report = firewall.repair();

        assertThat(report.baseRepaired()).isTrue();
        assertThat(iptables.ruleset(NFT, IpFamily.IPV4).rules("filter", "MDNP-FORWARD").get(0).target())
                .isEqualTo("MDNP-ISOLATION");
    }

    @Test
    void aDuplicatedIsolationJumpStaysFirstAfterRepair() {
        firewall.restore(List.of(V4), List.of());
        iptables.load(NFT, IpFamily.IPV4,
                "*filter\n-A MDNP-FORWARD -m comment --comment mdnp -j MDNP-ISOLATION\nCOMMIT\n");

        firewall.repair();

        List<RuleLine> chain = iptables.ruleset(NFT, IpFamily.IPV4).rules("filter", "MDNP-FORWARD");
        assertThat(chain.get(0).target()).as("first rule of MDNP-FORWARD").isEqualTo("MDNP-ISOLATION");
        assertThat(chain).filteredOn(r -> r.target().equals("MDNP-ISOLATION")).hasSize(1);
    }

    @Test
    void checkListsTheMissingRulesPerBridgeAndChangesNothing() {
        firewall.restore(List.of(V4, DUAL), List.of());
        iptables.load(NFT, IpFamily.IPV4, "*nat\n-F MDNP-POSTROUTING\nCOMMIT\n");
        String before = iptables.save(NFT, IpFamily.IPV4);

        List<MissingRules> missing = firewall.check();

        assertThat(missing).extracting(MissingRules::bridge).containsExactly(V4.bridge(), DUAL.bridge());
        assertThat(missing.get(0).rules()).containsExactly(
                "iptables -t nat -A MDNP-POSTROUTING -s 10.99.1.0/24 ! -o mdnpt-def -m comment --comment"
                        + " mdnp:test:mdnpt-def -j MASQUERADE",
                "iptables -t nat -A MDNP-POSTROUTING -s 10.99.1.0/24 -o mdnpt-def -m conntrack --ctstate DNAT -m"
                        + " comment --comment mdnp:test:mdnpt-def -j MASQUERADE",
                "iptables -t nat -A MDNP-POSTROUTING -o mdnpt-def -m addrtype --src-type LOCAL -m conntrack"
                        + " --ctstate DNAT -m comment --comment mdnp:test:mdnpt-def -j MASQUERADE");
        assertThat(iptables.save(NFT, IpFamily.IPV4)).isEqualTo(before);
    }

    @Test
    void writesTheLegacyTablesWhenIptablesIsLegacy() {
        FakeIptables legacy = new FakeIptables(LEGACY);
        RecordingCommandRunner runner = new RecordingCommandRunner(legacy);

        new IptablesFirewall(runner, FirewallVariants.INSTANCE).addNetwork(DUAL);

        assertThat(runner.lines()).filteredOn(line -> line.contains("restore"))
                .isNotEmpty().allMatch(line -> line.startsWith("iptables-legacy-restore") || line.startsWith("ip6tables-legacy"));
        assertThat(legacy.ruleset(LEGACY, IpFamily.IPV4).allRules()).isNotEmpty();
        assertThat(legacy.ruleset(NFT, IpFamily.IPV4).allRules()).isEmpty();
    }

    @Test
    void followsDockerIntoTheOtherVariantWhenOnlyItHoldsDockerUser() {
        iptables.load(LEGACY, IpFamily.IPV4, "*filter\n:DOCKER-USER - [0:0]\n-A DOCKER-USER -j RETURN\nCOMMIT\n");

        firewall.addNetwork(V4);

        assertThat(iptables.ruleset(LEGACY, IpFamily.IPV4).rules("filter", "DOCKER-USER"))
                .extracting(RuleLine::target).containsExactly("MDNP-FORWARD", "RETURN");
        assertThat(iptables.ruleset(NFT, IpFamily.IPV4).allRules()).isEmpty();
    }

    @Test
    void staysWithIptablesVariantWhenBothHoldDockerUser() {
        iptables.load(LEGACY, IpFamily.IPV4, "*filter\n:DOCKER-USER - [0:0]\nCOMMIT\n");
        iptables.load(NFT, IpFamily.IPV4, "*filter\n:DOCKER-USER - [0:0]\nCOMMIT\n");

        firewall.addNetwork(V4);

        assertThat(iptables.ruleset(NFT, IpFamily.IPV4).allRules()).isNotEmpty();
        assertThat(iptables.ruleset(LEGACY, IpFamily.IPV4).allRules()).isEmpty();
    }

    @Test
    void usesThePlainNamesForAnIptablesWithoutVariants() {
        iptables.version("iptables v1.6.1");

        firewall.addNetwork(V4);

        assertThat(recording.lines()).filteredOn(line -> line.contains("-restore"))
                .isNotEmpty().allMatch(line -> line.startsWith("iptables-restore "));
    }

    @Test
    void usesThePlainNamesWhenTheSuffixedOnesAreMissing() {
        iptables.uninstall("iptables-nft-restore");

        firewall.addNetwork(V4);

        assertThat(recording.lines()).filteredOn(line -> line.contains("-restore"))
                .isNotEmpty().allMatch(line -> line.startsWith("iptables-restore "));
    }

    @Test
    void withoutIptablesNothingCanBeAdded() {
        iptables.uninstall("iptables");

        assertThatThrownBy(() -> firewall.addNetwork(V4)).isInstanceOfSatisfying(FirewallException.class,
                e -> assertThat(e.reason()).isEqualTo(FirewallException.Reason.UNAVAILABLE));
    }

    @Test
    void withoutIp6tablesADualStackNetworkGetsItsIpv4Rules() {
        iptables.uninstall("ip6tables-nft-save", "ip6tables-nft-restore");

        firewall.addNetwork(DUAL);

        assertThat(recording.lines()).noneMatch(line -> line.startsWith("ip6tables"));
        assertThat(iptables.ruleset(NFT, IpFamily.IPV4).allRules()).anyMatch(r -> r.comment().equals(FirewallVariants.tag(DUAL)));
        assertThat(firewall.check()).isEmpty();
    }

    @Test
    void withIpv6OffInTheKernelADualStackNetworkGetsItsIpv4Rules() {
        iptables.broken("ip6tables-nft-save");

        firewall.addNetwork(DUAL);
        firewall.addPorts(FirewallVariants.NAT_PORTS);

        assertThat(iptables.ruleset(NFT, IpFamily.IPV4).allRules()).anyMatch(r -> r.comment().equals(FirewallVariants.tag(DUAL)));
        assertThat(recording.lines()).filteredOn(line -> line.startsWith("ip6tables"))
                .containsExactly("ip6tables-nft-save -t filter");
    }

    @Test
    void publishingUdpPortsForgetsTheirConntrackEntries() {
        firewall.addNetwork(PNAT);
        recording.clear();

        firewall.addPorts(FirewallVariants.NAT_PORTS);

        assertThat(recording.lines()).filteredOn(line -> line.startsWith("conntrack")).containsExactly(
                "conntrack -D -f ipv4 -p udp --orig-port-dst 5353", "conntrack -D -f ipv6 -p udp --orig-port-dst 5353");
    }

    @Test
    void withoutConntrackPortsArePublishedAllTheSame() {
        iptables.uninstall("conntrack");
        firewall.addNetwork(PNAT);

        firewall.addPorts(FirewallVariants.NAT_PORTS);

        assertThat(recording.lines()).noneMatch(line -> line.startsWith("conntrack"));
        assertThat(iptables.ruleset(NFT, IpFamily.IPV4).rules("nat", "MDNP-DNAT")).hasSize(3);
    }

    @Test
    void aFailingIptablesFailsTheChangeWithItsMessage() {
        IptablesFirewall failing = new IptablesFirewall(new FailingCommandRunner(), FirewallVariants.INSTANCE);

        assertThatThrownBy(() -> failing.addNetwork(V4)).isInstanceOfSatisfying(FirewallException.class, e -> {
            assertThat(e.reason()).isEqualTo(FirewallException.Reason.FAILED);
            assertThat(e.stderr()).isEqualTo(FailingCommandRunner.STDERR);
            assertThat(e.getMessage()).contains("exited 4").contains("Permission denied");
        });
    }

    private void add(FirewallVariants.Variant variant) {
        firewall.addNetwork(variant.network());
        variant.ports().forEach(firewall::addPorts);
    }
}
