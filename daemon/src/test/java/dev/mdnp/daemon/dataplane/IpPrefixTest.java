package dev.mdnp.daemon.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.Inet4Address;
import java.net.Inet6Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@link IpPrefix} reads: numeric addresses only, never a name, which it must not even look up. */
class IpPrefixTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            10.88.0.1/16      | 10.88.0.1/16
            fd88::1/64        | fd88:0:0:0:0:0:0:1/64
            cafe::/16         | cafe:0:0:0:0:0:0:0/16
            ::1.2.3.4/96      | 0:0:0:0:0:0:102:304/96
            0.0.0.0/0         | 0.0.0.0/0
            """)
    void readsNumericAddressesWithTheirPrefix(String text, String parsed) {
        assertThat(IpPrefix.parse(text)).hasToString(parsed);
    }

    /** As the JDK (and Go's {@code net.IP.To4}) reads it: the family of the address it maps. */
    @Test
    void anIpv4MappedIpv6AddressIsTheIpv4Address() {
        assertThat(IpPrefix.parse("::ffff:1.2.3.4/24")).isEqualTo(IpPrefix.parse("1.2.3.4/24"));
        assertThat(IpPrefix.literal("::ffff:1.2.3.4")).isInstanceOf(Inet4Address.class);
        assertThat(IpPrefix.literal("cafe::")).isInstanceOf(Inet6Address.class);
    }

    /** {@code localhost} and {@code ip6-localhost} resolve; refusing them shows no lookup was made. */
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"cafe/16", "localhost/8", "ip6-localhost/128", "example.com/24", "host.example/16",
        "10.0.0.1.nip.io/24", "1.2.3/8", "1.2.3.4.5/8", "01.2.3.4/8", "10.0.0.010/8", "1.2.3.4::/8", "fe80::1%1/64",
        "[fd88::1]/64", "10.0.0.\u0661/8", "10.0.0.1", "/16", "10.0.0.1/33", "fd88::1/129", "10.0.0.1/x"})
    void refusesNamesAndAnythingButANumericAddressWithAPrefix(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> IpPrefix.parse(text));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"localhost", "cafe", "ip6-localhost", "01.2.3.4", "10.0.0.1/8"})
    void aBareAddressIsNumericToo(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> IpPrefix.literal(text))
                .withMessage("\"" + text + "\" is not a numeric IP address");
    }
}
