package dev.mdnp.daemon.dataplane.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BackendTest {

    static Stream<Arguments> versions() {
        return Stream.of(
                Arguments.of("iptables v1.8.9 (nf_tables)\n", Backend.NFT),
                Arguments.of("iptables v1.8.7 (nf_tables)", Backend.NFT),
                Arguments.of("iptables v1.8.9 (legacy)\n", Backend.LEGACY),
                Arguments.of("iptables v1.8.4 (legacy)", Backend.LEGACY),
                Arguments.of("iptables v1.6.1\n", Backend.PLAIN),
                Arguments.of("iptables v1.4.21", Backend.PLAIN),
                Arguments.of("", Backend.PLAIN));
    }

    @ParameterizedTest(name = "{1} <- \"{0}\"")
    @MethodSource("versions")
    void ofVersionReadsTheVariantIptablesNames(String version, Backend backend) {
        assertThat(Backend.ofVersion(version)).isEqualTo(backend);
    }

    @Test
    void namesTheProgramsOfEachVariantAndFamily() {
        assertThat(Backend.NFT.save(IpFamily.IPV4)).isEqualTo("iptables-nft-save");
        assertThat(Backend.NFT.restore(IpFamily.IPV6)).isEqualTo("ip6tables-nft-restore");
        assertThat(Backend.LEGACY.save(IpFamily.IPV6)).isEqualTo("ip6tables-legacy-save");
        assertThat(Backend.LEGACY.restore(IpFamily.IPV4)).isEqualTo("iptables-legacy-restore");
        assertThat(Backend.PLAIN.save(IpFamily.IPV4)).isEqualTo("iptables-save");
        assertThat(Backend.PLAIN.restore(IpFamily.IPV6)).isEqualTo("ip6tables-restore");
    }

    @Test
    void theOtherOfNftIsLegacyAndBack() {
        assertThat(Backend.NFT.other()).isEqualTo(Backend.LEGACY);
        assertThat(Backend.LEGACY.other()).isEqualTo(Backend.NFT);
        assertThat(Backend.PLAIN.other()).isEqualTo(Backend.PLAIN);
    }
}
