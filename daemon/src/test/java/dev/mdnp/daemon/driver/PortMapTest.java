package dev.mdnp.daemon.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.mdnp.daemon.driver.PortMaps.entry;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdnp.daemon.dataplane.PortRequest;
import dev.mdnp.daemon.dataplane.firewall.Protocol;
import dev.mdnp.daemon.driver.DriverException.Reason;
import dev.mdnp.model.cnm.OptionKeys;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortMapTest {

    @Test
    void readsTheBindingsDockerSends() {
        List<PortRequest> requests = PortMap.parse(Map.of(OptionKeys.PORT_MAP, List.of(
                entry(6, 80, "", 18080, 18080),
                entry(6, 80, "127.0.0.1", 18081, 18081),
                entry(6, 80, "", 0, 0),
                entry(17, 82, "", 18082, 18082),
                entry(6, 80, "", 8000, 8010))), "");

        assertThat(requests).containsExactly(
                new PortRequest(Protocol.TCP, 80, "", 18080, 18080),
                new PortRequest(Protocol.TCP, 80, "127.0.0.1", 18081, 18081),
                new PortRequest(Protocol.TCP, 80, "", 0, 0),
                new PortRequest(Protocol.UDP, 82, "", 18082, 18082),
                new PortRequest(Protocol.TCP, 80, "", 8000, 8010));
    }

    @Test
    void noPortMapAndAnEmptyOneMeanNoPorts() {
        assertThat(PortMap.parse(Map.of(), "")).isEmpty();
        assertThat(PortMap.parse(Map.of(OptionKeys.PORT_MAP, List.of()), "")).isEmpty();
    }

    @Test
    void anEntryWithoutHostIpGetsTheDefaultAndAnIpv6HostIpIsNormalised() {
        List<PortRequest> requests = PortMap.parse(Map.of(OptionKeys.PORT_MAP, List.of(
                entry(6, 80, "", 1, 1), entry(6, 81, "FD00:0::1", 2, 2))), "10.0.0.5");

        assertThat(requests).extracting(PortRequest::hostIp).containsExactly("10.0.0.5", "fd00:0:0:0:0:0:0:1");
    }

    @Test
    void sctpIsUnsupportedWithAClearMessage() {
        assertThatThrownBy(() -> PortMap.parse(Map.of(OptionKeys.PORT_MAP, List.of(entry(132, 80, "", 1, 1))), ""))
                .isInstanceOfSatisfying(DriverException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED))
                .hasMessageContaining("sctp");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Proto | 99 | is not tcp (6) or udp (17)",
            "Proto | x | must be a whole number",
            "Port | 0 | is outside 1..65535",
            "Port | 65536 | is outside 1..65535",
            "Port | 1.5 | must be a whole number",
            "HostPort | -1 | is outside 0..65535",
            "HostPort | 99999999999999999999 | is outside 0..65535",
            "HostPortEnd | 5 | is below HostPort",
            "HostIP | not-an-ip | is not an IP address",
            "HostIP | 256.1.1.1 | is not an IP address",
            "HostIP | 10.1 | is not an IP address",
    })
    void aMalformedFieldIsABadRequestNamingEntryAndField(String field, String value, String problem) {
        Map<String, Object> entry = entry(6, 80, "", 10, 10);
        entry.put(field, field.equals("HostIP") ? value : typed(value));

        assertThatThrownBy(() -> PortMap.parse(Map.of(OptionKeys.PORT_MAP, List.of(entry)), ""))
                .isInstanceOfSatisfying(DriverException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST))
                .hasMessageContaining(OptionKeys.PORT_MAP + "[0]." + field)
                .hasMessageContaining(problem);
    }

    @Test
    void aPortMapThatIsNotAnArrayOfObjectsIsABadRequest() {
        assertThatThrownBy(() -> PortMap.parse(Map.of(OptionKeys.PORT_MAP, "80:80"), ""))
                .hasMessageContaining("must be an array");
        assertThatThrownBy(() -> PortMap.parse(Map.of(OptionKeys.PORT_MAP, List.of("80:80")), ""))
                .hasMessageContaining(OptionKeys.PORT_MAP + "[0]: must be an object");
    }

    @Test
    void aMissingPortIsRequiredButMissingHostFieldsMeanAny() {
        Map<String, Object> noPort = new HashMap<>(Map.of("Proto", 6));
        assertThatThrownBy(() -> PortMap.parse(Map.of(OptionKeys.PORT_MAP, List.of(noPort)), ""))
                .hasMessageContaining("Port: is required");

        assertThat(PortMap.parse(Map.of(OptionKeys.PORT_MAP, List.of(Map.of("Proto", 6, "Port", 80))), ""))
                .containsExactly(new PortRequest(Protocol.TCP, 80, "", 0, 0));
    }

    private static Object typed(String value) {
        if (value.matches("-?[0-9]+")) {
            BigInteger number = new BigInteger(value);
            return number.bitLength() < 32 ? (Object) number.intValue() : number;
        }
        return value.matches("[0-9]+\\.[0-9]+") ? (Object) Double.parseDouble(value) : value;
    }

}
