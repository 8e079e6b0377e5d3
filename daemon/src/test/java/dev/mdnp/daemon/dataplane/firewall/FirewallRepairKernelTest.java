package dev.mdnp.daemon.dataplane.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What someone else does to mdnp's rules, and {@code repair()} undoing it, in both iptables variants: each test starts
 * from a restored firewall with three networks, published ports and Docker's chains, damages the tables as a user or
 * Docker would, checks that {@code check()} names what is missing, repairs, and requires the tables to be exactly as
 * before, {@code check()} to be empty and a second repair to change nothing.
 */
@Tag("kernel")
class FirewallRepairKernelTest {

    private static final NetworkRules V4 = FirewallVariants.DEFAULT;
    private static final NetworkRules DUAL = FirewallVariants.DUAL_STACK;
    private static final NetworkRules PNAT = FirewallVariants.PORTS_NAT;

    private Namespaces namespaces;
    private IptablesNamespace ns;
    private IptablesFirewall firewall;
    private final Map<IpFamily, List<String>> intact = new EnumMap<>(IpFamily.class);

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

    private void start(Backend backend) {
        ns = IptablesNamespace.create(namespaces, backend);
        for (IpFamily family : IpFamily.values()) {
            ns.iptables(family, "-N", "DOCKER-USER");
            ns.iptables(family, "-A", "DOCKER-USER", "-j", "RETURN");
            ns.iptables(family, "-A", "FORWARD", "-j", "DOCKER-USER");
        }
        firewall = ns.firewall();
        firewall.restore(List.of(V4, DUAL, PNAT), List.of(FirewallVariants.NAT_PORTS));
        for (IpFamily family : IpFamily.values()) {
            intact.put(family, ns.dump(family));
        }
        assertThat(firewall.check()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"NFT", "LEGACY"})
    void aFlushedForwardChainIsPutBack(Backend backend) {
        start(backend);
        for (IpFamily family : IpFamily.values()) {
            ns.iptables(family, "-F", "MDNP-FORWARD");
        }

        assertThat(firewall.check()).extracting(MissingRules::bridge)
                .containsExactly("", V4.bridge(), DUAL.bridge(), PNAT.bridge());
        FirewallReport report = firewall.repair();

        assertThat(report.repairedBridges()).containsExactly(V4.bridge(), DUAL.bridge(), PNAT.bridge());
        assertThat(report.removedBridges()).isEmpty();
        assertThat(report.baseRepaired()).isTrue();
        assertIntactAndStable();
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"NFT", "LEGACY"})
    void deletedChainsArePutBack(Backend backend) {
        start(backend);
        for (IpFamily family : IpFamily.values()) {
            ns.restore(family, removeEverythingOfMdnps(ns.ruleset(family)).render());
            assertThat(ns.dump(family)).noneMatch(line -> line.contains("MDNP"));
        }

        assertThat(firewall.check()).extracting(MissingRules::bridge)
                .containsExactly("", V4.bridge(), DUAL.bridge(), PNAT.bridge());
        FirewallReport report = firewall.repair();

        assertThat(report.repairedBridges()).containsExactly(V4.bridge(), DUAL.bridge(), PNAT.bridge());
        assertThat(report.baseRepaired()).isTrue();
        assertIntactAndStable();
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"NFT", "LEGACY"})
    void theIsolationJumpMovedDownIsMovedBackToTheTop(Backend backend) {
        start(backend);
        String[] jump = {"-m", "comment", "--comment", "mdnp", "-j", "MDNP-ISOLATION"};
        ns.iptables(IpFamily.IPV4, concat(new String[] {"-D", "MDNP-FORWARD"}, jump));
        ns.iptables(IpFamily.IPV4, concat(new String[] {"-A", "MDNP-FORWARD"}, jump));

        assertThat(firewall.check()).singleElement().satisfies(missing -> {
            assertThat(missing.bridge()).isEmpty();
            assertThat(missing.rules()).containsExactly(
                    "iptables -t filter -A MDNP-FORWARD -m comment --comment mdnp -j MDNP-ISOLATION");
        });
        FirewallReport report = firewall.repair();

        assertThat(report.baseRepaired()).isTrue();
        assertThat(report.repairedBridges()).isEmpty();
        assertIntactAndStable();
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"NFT", "LEGACY"})
    void aDuplicatedIsolationJumpLeavesOneAtTheTop(Backend backend) {
        start(backend);
        ns.iptables(IpFamily.IPV6, "-A", "MDNP-FORWARD", "-m", "comment", "--comment", "mdnp", "-j",
                "MDNP-ISOLATION");

        FirewallReport report = firewall.repair();

        assertThat(report.baseRepaired()).isTrue();
        assertIntactAndStable();
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"NFT", "LEGACY"})
    void aDeletedDockerUserJumpIsPutBackBeforeItsReturn(Backend backend) {
        start(backend);
        for (IpFamily family : IpFamily.values()) {
            ns.iptables(family, "-D", "DOCKER-USER", "-m", "comment", "--comment", "mdnp", "-j", "MDNP-FORWARD");
            ns.iptables(family, "-I", "DOCKER-USER", "1", "-i", "mdnpt-user", "-j", "DROP");
        }

        assertThat(firewall.check()).singleElement().satisfies(missing -> assertThat(missing.rules())
                .containsExactly("iptables -t filter -A DOCKER-USER -m comment --comment mdnp -j MDNP-FORWARD",
                        "ip6tables -t filter -A DOCKER-USER -m comment --comment mdnp -j MDNP-FORWARD"));
        assertThat(firewall.repair().baseRepaired()).isTrue();

        for (IpFamily family : IpFamily.values()) {
            assertThat(ns.chain(family, "filter", "DOCKER-USER")).containsExactly(
                    "-A DOCKER-USER -i mdnpt-user -j DROP",
                    "-A DOCKER-USER -m comment --comment mdnp -j MDNP-FORWARD",
                    "-A DOCKER-USER -j RETURN");
        }
        assertThat(firewall.check()).isEmpty();
        assertThat(firewall.repair().unchanged()).isTrue();
    }

    /** The jump at the end of FORWARD is the way into mdnp's rules on a host without Docker's chains. */
    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"NFT", "LEGACY"})
    void aDeletedForwardJumpIsPutBackAtTheEnd(Backend backend) {
        start(backend);
        for (IpFamily family : IpFamily.values()) {
            ns.iptables(family, "-D", "FORWARD", "-m", "comment", "--comment", "mdnp", "-j", "MDNP-FORWARD");
        }

        assertThat(firewall.check()).singleElement().satisfies(missing -> assertThat(missing.rules())
                .containsExactly("iptables -t filter -A FORWARD -m comment --comment mdnp -j MDNP-FORWARD",
                        "ip6tables -t filter -A FORWARD -m comment --comment mdnp -j MDNP-FORWARD"));
        FirewallReport report = firewall.repair();

        assertThat(report.baseRepaired()).isTrue();
        assertThat(report.repairedBridges()).isEmpty();
        assertIntactAndStable();
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"NFT", "LEGACY"})
    void aFlushedNatTableIsPutBack(Backend backend) {
        start(backend);
        ns.iptables(IpFamily.IPV4, "-t", "nat", "-F");

        assertThat(firewall.check()).extracting(MissingRules::bridge)
                .containsExactly("", V4.bridge(), DUAL.bridge(), PNAT.bridge());
        FirewallReport report = firewall.repair();

        assertThat(report.repairedBridges()).containsExactly(V4.bridge(), DUAL.bridge(), PNAT.bridge());
        assertIntactAndStable();
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"NFT", "LEGACY"})
    void dockerRebuildingItsChainsLeavesMdnpsJumpInDockerUser(Backend backend) {
        start(backend);
        for (IpFamily family : IpFamily.values()) {
            // what dockerd does at start: DOCKER-USER emptied and given its RETURN, its jump put first in FORWARD
            ns.iptables(family, "-F", "DOCKER-USER");
            ns.iptables(family, "-A", "DOCKER-USER", "-j", "RETURN");
            ns.iptables(family, "-D", "FORWARD", "-j", "DOCKER-USER");
            ns.iptables(family, "-I", "FORWARD", "1", "-j", "DOCKER-USER");
        }

        assertThat(firewall.repair().baseRepaired()).isTrue();

        assertIntactAndStable();
    }

    /** Requires the tables as {@link #start} left them, nothing missing, and a second repair that changes nothing. */
    private void assertIntactAndStable() {
        for (IpFamily family : IpFamily.values()) {
            assertThat(ns.dump(family)).as("%s after repair", family.tool()).isEqualTo(intact.get(family));
        }
        assertThat(firewall.check()).isEmpty();
        assertThat(firewall.repair().unchanged()).as("a second repair changes nothing").isTrue();
    }

    /** Returns the script that deletes mdnp's jumps, then empties and deletes its chains. */
    private static RestoreScript removeEverythingOfMdnps(Ruleset present) {
        RestoreScript script = new RestoreScript();
        for (RuleLine rule : present.allRules()) {
            if (rule.target().startsWith("MDNP-") && !rule.chain().startsWith("MDNP-")) {
                script.delete(rule);
            }
        }
        for (String table : List.of("raw", "nat", "filter")) {
            present.chains(table).stream().filter(chain -> chain.startsWith("MDNP-"))
                    .forEach(chain -> script.declare(table, chain).removeChain(table, chain));
        }
        return script;
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
