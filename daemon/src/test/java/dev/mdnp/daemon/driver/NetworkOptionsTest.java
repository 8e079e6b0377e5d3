package dev.mdnp.daemon.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdnp.daemon.dataplane.Traffic;
import dev.mdnp.daemon.dataplane.firewall.GatewayMode;
import dev.mdnp.model.cnm.OptionKeys;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    @Test
    void readsTheBuiltInBridgeDriversKeysUnderTheirOwnNames() {
        NetworkOptions options = NetworkOptions.parse(Map.of(OptionKeys.GENERIC, Map.of(
                OptionKeys.ENABLE_ICC, "false",
                OptionKeys.ENABLE_IP_MASQUERADE, "0",
                OptionKeys.HOST_BINDING_IPV4, "127.0.0.1",
                OptionKeys.GATEWAY_MODE_IPV4, "routed",
                OptionKeys.GATEWAY_MODE_IPV6, "nat")));

        assertThat(options.icc()).isFalse();
        assertThat(options.masquerade()).isFalse();
        assertThat(options.hostBindingIp()).isEqualTo("127.0.0.1");
        assertThat(options.ipv4Mode()).isEqualTo(GatewayMode.ROUTED);
        assertThat(options.ipv6Mode()).isEqualTo(GatewayMode.NAT);
        assertThat(options.traffic()).isEqualTo(new Traffic(false, false, false, GatewayMode.ROUTED, GatewayMode.NAT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "t", "T", "TRUE", "true", "True"})
    void acceptsEveryTrueGosParseBoolDoes(String value) {
        assertThat(NetworkOptions.parse(Map.of(OptionKeys.GENERIC, Map.of(OptionKeys.ENABLE_ICC, value))).icc())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "f", "F", "FALSE", "false", "False"})
    void acceptsEveryFalseGosParseBoolDoes(String value) {
        assertThat(NetworkOptions.parse(Map.of(OptionKeys.GENERIC, Map.of(OptionKeys.ENABLE_ICC, value))).icc())
                .isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "com.docker.network.bridge.enable_icc | maybe | is not a boolean; use true or false",
            "com.docker.network.bridge.enable_ip_masquerade | yes | is not a boolean; use true or false",
            "com.docker.network.bridge.host_binding_ipv4 | notanip | is not an IP address",
            "com.docker.network.bridge.host_binding_ipv4 | 300.1.1.1 | is not an IP address",
            "com.docker.network.bridge.gateway_mode_ipv4 | isolated | is not a gateway mode; use nat or routed",
            "com.docker.network.bridge.gateway_mode_ipv6 | NAT | is not a gateway mode; use nat or routed",
            "com.docker.network.driver.mtu | -5 | is outside 68..65535",
    })
    void anInvalidValueNamesTheKeyAndWhatIsAccepted(String key, String value, String problem) {
        assertThatThrownBy(() -> NetworkOptions.parse(Map.of(OptionKeys.GENERIC, Map.of(key, value))))
                .isInstanceOfSatisfying(DriverException.class,
                        e -> assertThat(e.reason()).isEqualTo(DriverException.Reason.BAD_REQUEST))
                .hasMessageStartingWith("invalid option " + key + ": \"" + value + "\" " + problem);
    }

    @Test
    void anMtuOfZeroMeansTheDefaultAsForTheBridgeDriver() {
        assertThat(NetworkOptions.parse(Map.of(OptionKeys.GENERIC, Map.of(OptionKeys.MTU, "0"))).mtuIfSet()).isEmpty();
    }

    @Test
    void mdnpsOlderBridgeNameKeyIsAnAliasAndBothMustAgree() {
        assertThat(NetworkOptions.parse(Map.of(OptionKeys.GENERIC, Map.of(OptionKeys.MDNP_BRIDGE_NAME, "br-old")))
                .bridgeName()).isEqualTo("br-old");
        assertThat(NetworkOptions.parse(Map.of(OptionKeys.GENERIC, Map.of(OptionKeys.MDNP_BRIDGE_NAME, "br-a",
                OptionKeys.BRIDGE_NAME, "br-a"))).bridgeName()).isEqualTo("br-a");
        assertThatThrownBy(() -> NetworkOptions.parse(Map.of(OptionKeys.GENERIC, Map.of(
                OptionKeys.MDNP_BRIDGE_NAME, "br-a", OptionKeys.BRIDGE_NAME, "br-b"))))
                .hasMessageContaining(OptionKeys.BRIDGE_NAME).hasMessageContaining("give one of the two");
    }

    @Test
    void unknownKeysAreAcceptedAsDockerAcceptsThem() {
        assertThat(NetworkOptions.parse(Map.of(OptionKeys.GENERIC, Map.of("com.docker.network.bridge.whatever", "x")))
                .generic()).containsKey("com.docker.network.bridge.whatever");
    }
}
