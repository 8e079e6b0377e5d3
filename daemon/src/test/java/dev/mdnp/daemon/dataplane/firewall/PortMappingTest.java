package dev.mdnp.daemon.dataplane.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortMappingTest {

    @Test
    void writesAddressesInOneCanonicalForm() {
        PortMapping mapping = new PortMapping(Protocol.TCP, "FD99::1", 8080, "fd99:0:0::2", 80);

        assertThat(mapping.hostIp()).isEqualTo("fd99:0:0:0:0:0:0:1");
        assertThat(mapping.containerIp()).isEqualTo("fd99:0:0:0:0:0:0:2");
        assertThat(mapping.family()).isEqualTo(IpFamily.IPV6);
    }

    @Test
    void anEmptyHostAddressMeansEveryAddressOfTheFamily() {
        PortMapping mapping = new PortMapping(Protocol.UDP, "", 5353, "10.99.0.2", 53);

        assertThat(mapping.hostIp()).isEmpty();
        assertThat(mapping.family()).isEqualTo(IpFamily.IPV4);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65536})
    void refusesAPortOutOfRange(int port) {
        assertThatIllegalArgumentException().isThrownBy(() -> new PortMapping(Protocol.TCP, "", port, "10.0.0.2", 80))
                .withMessageContaining("host port");
        assertThatIllegalArgumentException().isThrownBy(() -> new PortMapping(Protocol.TCP, "", 80, "10.0.0.2", port))
                .withMessageContaining("container port");
    }

    @Test
    void acceptsTheEdgesOfThePortRange() {
        assertThat(new PortMapping(Protocol.TCP, "", 1, "10.0.0.2", 65535).hostPort()).isEqualTo(1);
    }

    @Test
    void refusesAddressesOfDifferentFamilies() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PortMapping(Protocol.TCP, "127.0.0.1", 8080, "fd99::2", 80))
                .withMessageContaining("different families");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.com", "10.0.0", "fd99::2/64"})
    void refusesAContainerAddressThatIsNotNumeric(String address) {
        assertThatIllegalArgumentException().isThrownBy(() -> new PortMapping(Protocol.TCP, "", 8080, address, 80));
    }

    @Test
    void refusesAHostAddressThatIsNotNumeric() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PortMapping(Protocol.TCP, "localhost", 8080, "10.0.0.2", 80));
    }

    @Test
    void refusesNulls() {
        assertThatNullPointerException().isThrownBy(() -> new PortMapping(null, "", 8080, "10.0.0.2", 80));
        assertThatNullPointerException().isThrownBy(() -> new PortMapping(Protocol.TCP, null, 8080, "10.0.0.2", 80));
    }

    @Test
    void portRulesCopyTheirMappings() {
        List<PortMapping> mappings = new ArrayList<>(List.of(new PortMapping(Protocol.TCP, "", 8080, "10.99.0.2",
                80)));
        PortRules rules = new PortRules(NetworkRules.bridgeOnly("br0"), "ep", mappings);

        mappings.clear();

        assertThat(rules.mappings()).hasSize(1);
    }

    @Test
    void protocolsHaveTheirIptablesNames() {
        assertThat(Protocol.TCP.iptablesName()).isEqualTo("tcp");
        assertThat(Protocol.UDP.iptablesName()).isEqualTo("udp");
    }
}
