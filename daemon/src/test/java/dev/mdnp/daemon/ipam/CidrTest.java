package dev.mdnp.daemon.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CidrTest {

    @Test
    void parsesASubnetAndKnowsItsBounds() {
        Cidr cidr = Cidr.parse("10.88.0.0/16");

        assertThat(cidr).hasToString("10.88.0.0/16");
        assertThat(cidr.version()).isEqualTo(IpVersion.V4);
        assertThat(cidr.size()).isEqualTo(BigInteger.valueOf(65536));
        assertThat(new IpAddress(IpVersion.V4, cidr.last())).hasToString("10.88.255.255");
    }

    @Test
    void writesIpv6Canonically() {
        assertThat(Cidr.parse("FD88:0000::/64")).hasToString("fd88::/64");
        assertThat(Cidr.parse("fd88::/64").size()).isEqualTo(BigInteger.ONE.shiftLeft(64));
    }

    @Test
    void containmentAndOverlapRespectTheVersion() {
        Cidr pool = Cidr.parse("10.88.0.0/16");

        assertThat(pool.contains(Cidr.parse("10.88.5.0/24"))).isTrue();
        assertThat(pool.contains(Cidr.parse("10.0.0.0/8"))).isFalse();
        assertThat(pool.overlaps(Cidr.parse("10.0.0.0/8"))).isTrue();
        assertThat(pool.overlaps(Cidr.parse("10.89.0.0/16"))).isFalse();
        assertThat(pool.contains(IpAddress.parse("10.88.255.255"))).isTrue();
        assertThat(pool.contains(IpAddress.parse("::a58:1"))).as("an IPv6 address with the same low bits").isFalse();
        assertThat(Cidr.parse("::/96").overlaps(pool)).isFalse();
    }

    @Test
    void aSubnetWithHostBitsNamesTheSubnetMeant() {
        assertThatThrownBy(() -> Cidr.parse("10.88.0.5/16"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("10.88.0.5/16 has host bits set; the subnet is 10.88.0.0/16");
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', textBlock = """
            10.88.0.0         | not a subnet in CIDR notation
            10.88.0.0/        | no valid prefix length
            10.88.0.0/33      | out of range for IPv4
            fd88::/129        | out of range for IPv6
            10.88.0.0/-1      | no valid prefix length
            10.88.0.0/+8      | no valid prefix length
            10.88.0.0/016     | no valid prefix length
            10.88.0.0/16/24   | no valid prefix length
            10.88.0/16        | is not a numeric IP address
            example.com/16    | is not a numeric IP address
            """)
    void refusesInvalidSubnets(String text, String message) {
        assertThatThrownBy(() -> Cidr.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
