package dev.mdnp.daemon.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefaultPoolsTest {

    @Test
    void parsesARangeAndAPoolSize() {
        assertThat(PoolTemplate.parse("10.231.0.0/16/24"))
                .isEqualTo(new PoolTemplate(Cidr.parse("10.231.0.0/16"), 24));
        assertThat(PoolTemplate.parse("fd6d:6e70::/48/64"))
                .isEqualTo(new PoolTemplate(Cidr.parse("fd6d:6e70::/48"), 64));
        assertThat(PoolTemplate.parse("10.231.0.0/24/24")).hasToString("10.231.0.0/24/24");
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', textBlock = """
            10.231.0.0/16      | expected RANGE/SIZE
            10.231.0.0         | expected RANGE/SIZE
            /16/24             | is not a numeric IP address
            10.231.0.0/16/     | the pool size after the last / must be a prefix length
            10.231.0.0/16/x    | the pool size after the last / must be a prefix length
            10.231.0.0/16/8    | pool size /8 is larger than the range 10.231.0.0/16
            10.231.0.0/16/31   | pool size /31 is too small
            fd00::/48/127      | pool size /127 is too small
            10.231.0.1/16/24   | has host bits set; the subnet is 10.231.0.0/16
            10.231.0.0/33/34   | out of range for IPv4
            host.example/16/24 | is not a numeric IP address
            """)
    void aBadTemplateIsRefusedWithTheTextAndExamples(String text, String why) {
        assertThatThrownBy(() -> PoolTemplate.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid default pool \"" + text + "\": ")
                .hasMessageContaining(why)
                .hasMessageEndingWith("(such as 10.231.0.0/16/24 or fd6d:6e70::/48/64)");
    }

    @Test
    void theBuiltInDefaultAvoidsDockersOwnRanges() {
        List<Cidr> docker = List.of(Cidr.parse("172.16.0.0/12"), Cidr.parse("192.168.0.0/16"),
                Cidr.parse("10.0.0.0/16"));

        assertThat(DefaultPools.builtIn().templates()).extracting(PoolTemplate::toString)
                .containsExactly("10.231.0.0/16/24", "fd6d:6e70::/48/64");
        assertThat(DefaultPools.builtIn().templates())
                .allSatisfy(template -> assertThat(docker).noneMatch(range -> range.overlaps(template.base())));
    }

    @Test
    void optionsReplaceTheBuiltInRangeOfTheirVersionOnly() {
        DefaultPools pools = DefaultPools.fromOptions(List.of("10.99.0.0/16/24", "10.98.0.0/16/20"));

        assertThat(pools.templatesOf(IpVersion.V4)).extracting(PoolTemplate::toString)
                .containsExactly("10.99.0.0/16/24", "10.98.0.0/16/20");
        assertThat(pools.templatesOf(IpVersion.V6)).extracting(PoolTemplate::toString)
                .containsExactly("fd6d:6e70::/48/64");
    }

    @Test
    void noOptionsGiveTheBuiltInDefault() {
        assertThat(DefaultPools.fromOptions(List.of())).isEqualTo(DefaultPools.builtIn());
    }

    @Test
    void overlappingRangesAreRefused() {
        assertThatThrownBy(() -> DefaultPools.fromOptions(List.of("10.0.0.0/8/24", "10.99.0.0/16/24")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("default pools 10.0.0.0/8/24 and 10.99.0.0/16/24 overlap");
    }
}
