package dev.mdnp.daemon.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            10.88.5.77                              | 10.88.5.77
            0.0.0.0                                 | 0.0.0.0
            255.255.255.255                         | 255.255.255.255
            fd88::1                                 | fd88::1
            FD88:0:0:0:0:0:0:1                      | fd88::1
            ::                                      | ::
            ::1                                     | ::1
            fd88::                                  | fd88::
            2001:db8:0:0:1:0:0:1                    | 2001:db8::1:0:0:1
            2001:db8:0:1:1:1:1:1                    | 2001:db8:0:1:1:1:1:1
            2001:0db8:0000:0000:0000:ff00:0042:8329 | 2001:db8::ff00:42:8329
            ::ffff:10.1.2.3                         | ::ffff:a01:203
            1:2:3:4:5:6:7::                         | 1:2:3:4:5:6:7:0
            """)
    void parsesNumericAddressesAndPrintsThemCanonically(String text, String canonical) {
        assertThat(IpAddress.parse(text)).hasToString(canonical);
        assertThat(IpAddress.parse(canonical)).isEqualTo(IpAddress.parse(text));
    }

    @Test
    void keepsTheVersionAndTheNumericValue() {
        assertThat(IpAddress.parse("10.0.0.1")).isEqualTo(new IpAddress(IpVersion.V4, BigInteger.valueOf(0x0a000001L)));
        assertThat(IpAddress.parse("::1")).isEqualTo(new IpAddress(IpVersion.V6, BigInteger.ONE));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "localhost", "example.com", "10.0.0", "10.0.0.1.2", "10.0.0.256", "10.0.0.-1",
        "010.0.0.1", "10.0.0.01", "1e1.0.0.1", "10.0.0.1 ", " 10.0.0.1", "10.0.0.\u0661", "10.0.0.1/24",
        "fd88::1%eth0", "[fd88::1]", "fd88:::1", "fd88::1::2", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", ":1::",
        "1::2:", "12345::", "g::1", "1.2.3.4::", "::1.2.3", ".::1", "0x0a.0.0.1"})
    void refusesAnythingButABareNumericAddress(String text) {
        assertThatThrownBy(() -> IpAddress.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a numeric IP address");
    }

    @Test
    void refusesValuesOutsideTheVersion() {
        assertThatThrownBy(() -> new IpAddress(IpVersion.V4, BigInteger.ONE.shiftLeft(32)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IpAddress(IpVersion.V6, BigInteger.ONE.negate()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
