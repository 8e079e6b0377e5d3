package dev.mdnp.daemon.dataplane.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "10.0.0.2, 10.0.0.2/32",
            "10.0.0.2/32, 10.0.0.2/32",
            "10.99.0.0/24, 10.99.0.0/24",
            "127.0.0.0/8, 127.0.0.0/8",
            "0.0.0.0/0, 0.0.0.0/0",
            "10.99.0.5/24, 10.99.0.0/24",
            "172.16.255.255/12, 172.16.0.0/12"})
    void writesAnIpv4AddressAsItsMaskedPrefix(String token, String canonical) {
        assertThat(Addresses.canonical(token)).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "fd00::2, fd00:0:0:0:0:0:0:2/128",
            "fd00:0:0:0:0:0:0:2, fd00:0:0:0:0:0:0:2/128",
            "FD00::2/128, fd00:0:0:0:0:0:0:2/128",
            "fd99::/64, fd99:0:0:0:0:0:0:0/64",
            "fd99::1234/64, fd99:0:0:0:0:0:0:0/64",
            "fd99:1:2:3:4:5:6:7/56, fd99:1:2:0:0:0:0:0/56",
            "::1, 0:0:0:0:0:0:0:1/128",
            "::/0, 0:0:0:0:0:0:0:0/0"})
    void writesAnIpv6AddressInFullNotationMaskedToItsPrefix(String token, String canonical) {
        assertThat(Addresses.canonical(token)).isEqualTo(canonical);
    }

    @Test
    void spellingsOfOneIpv6SubnetAreEqual() {
        assertThat(Addresses.canonical("fd99:0:0:0::/64")).isEqualTo(Addresses.canonical("fd99::/64"))
                .isEqualTo(Addresses.canonical("FD99::1/64"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "10.0.0.2:80, 10.0.0.2:80",
            "10.0.0.2:080, 10.0.0.2:80",
            "[fd00::2]:80, [fd00:0:0:0:0:0:0:2]:80",
            "[fd00:0:0:0:0:0:0:2]:8080, [fd00:0:0:0:0:0:0:2]:8080",
            "[FD00::2]:80, [fd00:0:0:0:0:0:0:2]:80"})
    void keepsThePortOfADestination(String token, String canonical) {
        assertThat(Addresses.canonical(token)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-A", "FORWARD", "MDNP-FORWARD", "mdnp", "mdnp:mdnpt0", "mdnp:br-1a2b", "br-+",
            "RELATED,ESTABLISHED", "DNAT", "!", "8080", "80:90", "1024:65535", "02:00:00:00:00:01", "localhost",
            "example.com", "999.1.1.1", "10.0.0.1/33", "fd00::/129", "10.0.0", "", ":", "fe80::1%eth0",
            "[fd00::2]", "10.0.0.2:80-90"})
    void leavesOtherTokensUntouched(String token) {
        assertThat(Addresses.canonical(token)).isEqualTo(token);
    }

    @Test
    void networkClearsTheHostBits() {
        assertThat(Addresses.network("10.99.0.7/24")).isEqualTo("10.99.0.0/24");
        assertThat(Addresses.network("fd99::7/64")).isEqualTo("fd99:0:0:0:0:0:0:0/64");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.99.0.0", "/24", "10.99.0.0/33", "10.99.0.0/x", "fd99::/129", "localhost/8",
            "example.com/24", "10.99.0/24"})
    void networkRejectsWhatIsNotANumericCidr(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Addresses.network(text));
    }

    @Test
    void addressWritesANumericAddressInJavasNotation() {
        assertThat(Addresses.address("10.0.0.2")).isEqualTo("10.0.0.2");
        assertThat(Addresses.address("FD00::2")).isEqualTo("fd00:0:0:0:0:0:0:2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.com", "ip6-localhost", "10.0.0", "10.0.0.256", "", "cafe",
            "fd00::2/64"})
    void addressNeverResolvesANameAndRejectsIt(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Addresses.address(text))
                .withMessageContaining("is not a numeric IP address");
    }

    @Test
    void familyOfTellsIpv4FromIpv6AndNamesFromBoth() {
        assertThat(Addresses.familyOf("10.99.0.0/24")).contains(IpFamily.IPV4);
        assertThat(Addresses.familyOf("10.99.0.2")).contains(IpFamily.IPV4);
        assertThat(Addresses.familyOf("fd99::/64")).contains(IpFamily.IPV6);
        assertThat(Addresses.familyOf("::1")).contains(IpFamily.IPV6);
        assertThat(Addresses.familyOf("localhost")).isEmpty();
        assertThat(Addresses.familyOf("example.com/24")).isEmpty();
    }
}
