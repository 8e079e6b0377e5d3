package dev.mdnp.daemon.dataplane.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule {@link RuleTable} writes, loaded into the real iptables and ip6tables of both variants, is printed back by
 * {@code iptables-save} with the same key. The firewall relies on it: a rule that came back spelled otherwise would
 * look missing to every repair, which would add it again, forever.
 */
@Tag("kernel")
class RuleTableKernelTest {

    private Namespaces namespaces;

    @BeforeEach
    void requirePrivilege() {
        KernelTestEnvironment.requireRootAnd("ip", "iptables-nft", "iptables-legacy", "ip6tables-nft",
                "ip6tables-legacy");
        namespaces = new Namespaces();
    }

    @AfterEach
    void deleteNamespaces() {
        if (namespaces != null) {
            namespaces.close();
        }
    }

    static Stream<Arguments> variantsInBothBackends() {
        return Stream.of(Backend.NFT, Backend.LEGACY).flatMap(backend -> FirewallVariants.all().stream()
                .map(variant -> Arguments.of(backend, variant)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("variantsInBothBackends")
    void aVariantReadsBackAsRuleTableWroteIt(Backend backend, FirewallVariants.Variant variant) {
        try (IptablesNamespace ns = IptablesNamespace.create(namespaces, backend)) {
            IptablesFirewall firewall = ns.firewall();
            firewall.restore(List.of(), List.of());

            firewall.addNetwork(variant.network());
            variant.ports().forEach(firewall::addPorts);

            for (IpFamily family : IpFamily.values()) {
                List<RuleLine> wanted = new ArrayList<>(RuleTable.base(family, false));
                wanted.addAll(variant.rules(family));
                assertThat(ns.keys(family)).as("%s read back", family.tool())
                        .containsExactlyElementsOf(IptablesNamespace.keysOf(wanted));
            }
            assertThat(firewall.check()).isEmpty();
            assertThat(ns.dumpOfTheOtherVariant(IpFamily.IPV4)).noneMatch(line -> line.contains("mdnp"));
            assertThat(ns.listener().events()).filteredOn(event -> event.contains("-restore"))
                    .isNotEmpty().allMatch(event -> event.contains(backend.restore(IpFamily.IPV4))
                            || event.contains(backend.restore(IpFamily.IPV6)));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"NFT", "LEGACY"})
    void everyVariantAtOnceWithDockersChainsReadsBack(Backend backend) {
        try (IptablesNamespace ns = IptablesNamespace.create(namespaces, backend)) {
            for (IpFamily family : IpFamily.values()) {
                ns.iptables(family, "-N", "DOCKER-USER");
                ns.iptables(family, "-A", "DOCKER-USER", "-j", "RETURN");
            }
            IptablesFirewall firewall = ns.firewall();
            firewall.restore(FirewallVariants.all().stream().map(FirewallVariants.Variant::network).toList(),
                    FirewallVariants.all().stream().flatMap(variant -> variant.ports().stream()).toList());

            for (IpFamily family : IpFamily.values()) {
                List<RuleLine> wanted = new ArrayList<>(RuleTable.base(family, true));
                FirewallVariants.all().forEach(variant -> wanted.addAll(variant.rules(family)));
                wanted.add(RuleLine.append("filter", "DOCKER-USER", List.of("-j", "RETURN")));
                assertThat(ns.keys(family)).as("%s read back", family.tool())
                        .containsExactlyElementsOf(IptablesNamespace.keysOf(wanted));
            }
            assertThat(firewall.check()).isEmpty();
            assertThat(firewall.repair().unchanged()).isTrue();
        }
    }
}
