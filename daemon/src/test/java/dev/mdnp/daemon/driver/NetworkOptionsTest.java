package dev.mdnp.daemon.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdnp.daemon.dataplane.firewall.GatewayMode;
import dev.mdnp.model.cnm.OptionKeys;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NetworkOptionsTest {

    @Test
    void parsesTheOptionsDockerSendsForAPlainNetwork() {
        NetworkOptions options = NetworkOptions.parse(Map.of(
                OptionKeys.ENABLE_IPV6, false,
                OptionKeys.GENERIC, Map.of()));

        assertThat(options).isEqualTo(new NetworkOptions(Map.of(), false, false, 0, "", true, true, "",
                GatewayMode.NAT, GatewayMode.NAT));
        assertThat(options.mtuIfSet()).isEmpty();
    }

    @Test
    void readsMtuBridgeNameInternalAndIpv6() {
        NetworkOptions options = NetworkOptions.parse(Map.of(
                OptionKeys.ENABLE_IPV6, true,
                OptionKeys.INTERNAL, true,
                OptionKeys.GENERIC, Map.of(OptionKeys.MTU, "1400", OptionKeys.BRIDGE_NAME, "br-demo", "foo", "bar")));

        assertThat(options.enableIpv6()).isTrue();
        assertThat(options.internal()).isTrue();
        assertThat(options.mtuIfSet()).hasValue(1400);
        assertThat(options.bridgeName()).isEqualTo("br-demo");
        assertThat(options.generic()).containsEntry("foo", "bar");
    }

    @Test
    void missingGenericMapMeansNoUserOptions() {
        assertThat(NetworkOptions.parse(Map.of()).generic()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "67", "65536", "-1", "1e3"})
    void rejectsAnInvalidMtuNamingTheOption(String mtu) {
        Map<String, Object> options = Map.of(OptionKeys.GENERIC, Map.of(OptionKeys.MTU, mtu));

        assertThatThrownBy(() -> NetworkOptions.parse(options))
                .isInstanceOf(DriverException.class)
                .hasMessageContaining("invalid option " + OptionKeys.MTU)
                .satisfies(e -> assertThat(((DriverException) e).reason()).isEqualTo(DriverException.Reason.BAD_REQUEST));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sixteen-bytes-xx", "a/b", "a:b", "a b", ".."})
    void rejectsABridgeNameTheKernelWouldRefuse(String name) {
        Map<String, Object> options = Map.of(OptionKeys.GENERIC, Map.of(OptionKeys.BRIDGE_NAME, name));

        assertThatThrownBy(() -> NetworkOptions.parse(options)).hasMessageContaining(OptionKeys.BRIDGE_NAME);
    }

    @Test
    void rejectsAGenericValueThatIsNotAString() {
        Map<String, Object> generic = new HashMap<>();
        generic.put("x", 5);

        assertThatThrownBy(() -> NetworkOptions.parse(Map.of(OptionKeys.GENERIC, generic)))
                .hasMessageContaining("value of \"x\" must be a string");
    }

    @Test
    void rejectsAFlagThatIsNotABoolean() {
        assertThatThrownBy(() -> NetworkOptions.parse(Map.of(OptionKeys.INTERNAL, "maybe")))
                .hasMessageContaining(OptionKeys.INTERNAL);
    }
}
