package dev.mdnp.daemon.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The checks and derived accessors of the netlink value records. */
class ValueRecordsTest {

    @Test
    void addressChecksItsPrefixLengthAgainstTheFamily() throws Exception {
        InetAddress v4 = InetAddress.getByName("10.0.0.1");
        InetAddress v6 = InetAddress.getByName("fd00::1");

        assertThat(new Address(1, v6, 128).family()).isEqualTo(IpFamily.IPV6);
        assertThatThrownBy(() -> new Address(1, v4, 33)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Address(0, v4, 24)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Address(3, v4, 24)).hasToString("10.0.0.1/24 on link 3");
    }

    @Test
    void defaultRouteIsTheZeroPrefixOfTheGatewaysFamily() throws Exception {
        Route v4 = Route.defaultVia(InetAddress.getByName("10.0.0.1"));
        Route v6 = Route.defaultVia(InetAddress.getByName("fd00::1"));

        assertThat(v4.destination()).isEqualTo(InetAddress.getByName("0.0.0.0"));
        assertThat(v4.isDefault()).isTrue();
        assertThat(v6.family()).isEqualTo(IpFamily.IPV6);
        assertThat(v4).hasToString("default via 10.0.0.1");
    }

    @Test
    void routeRefusesMixedFamiliesAndRoutesToNowhere() throws Exception {
        InetAddress v4 = InetAddress.getByName("10.0.0.0");
        InetAddress v6 = InetAddress.getByName("fd00::1");

        assertThatThrownBy(() -> new Route(v4, 8, v6, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Route(v4, 8, null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Route(v4, 40, null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Route(v4, 8, null, 4)).hasToString("10.0.0.0/8 dev #4");
    }

    @Test
    void vethPairChecksNamesAndCopiesWithChanges() {
        MacAddress mac = MacAddress.parse("02:00:00:00:00:01");

        VethPair pair = VethPair.of("mdnpth0", "mdnptc0").withMtu(1400).withPeerMac(mac);

        assertThat(pair).isEqualTo(new VethPair("mdnpth0", "mdnptc0", 1400, null, mac));
        assertThatThrownBy(() -> VethPair.of("mdnpth0", "mdnpth0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VethPair.of("mdnpth0", "mdnpt0123456789a"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pair.withMtu(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void vethPairIsInTheDefaultGroupUntilGivenOneAndRefusesANegativeGroup() {
        MacAddress mac = MacAddress.parse("02:00:00:00:00:01");

        VethPair pair = VethPair.of("mdnpth0", "mdnptc0").withMtu(1400).withPeerMac(mac);

        assertThat(pair.group()).isZero();
        assertThat(pair.withGroup(28001)).isEqualTo(new VethPair("mdnpth0", "mdnptc0", 1400, null, mac, 28001));
        assertThat(pair.withGroup(28001).withMtu(1500).withMac(mac).withPeerMac(null).group()).isEqualTo(28001);
        assertThatThrownBy(() -> pair.withGroup(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("device group must not be negative, got -1");
    }

    @Test
    void linkAttrsAreInTheDefaultGroupUntilGivenOneAndCopiesKeepIt() {
        LinkAttrs attrs = new LinkAttrs(3, "mdnptbr0", 1400, null, 0, true, OperState.UP, LinkStats.NONE,
                "mdnp:a:1");

        LinkAttrs grouped = attrs.withGroup(28001);

        assertThat(attrs.group()).isZero();
        assertThat(new BridgeLink(grouped).group()).isEqualTo(28001);
        assertThat(grouped.withAlias("mdnp:b:2")).isEqualTo(new LinkAttrs(3, "mdnptbr0", 1400, null, 0, true,
                OperState.UP, LinkStats.NONE, "mdnp:b:2", 28001));
        assertThat(grouped.withGroup(0)).isEqualTo(attrs);
    }

    @Test
    void linkAttrsRefuseANonPositiveIndex() {
        assertThatThrownBy(() -> new LinkAttrs(0, "lo", 0, null, 0, false, OperState.UNKNOWN, LinkStats.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linkAttrsWithoutAnAliasHaveAnEmptyOneAndRefuseNull() {
        LinkAttrs attrs = new LinkAttrs(3, "mdnptbr0", 1400, null, 0, true, OperState.UP, LinkStats.NONE);

        assertThat(attrs.alias()).isEmpty();
        assertThat(new BridgeLink(attrs.withAlias("mdnp:a:1")).alias()).isEqualTo("mdnp:a:1");
        assertThatThrownBy(() -> new LinkAttrs(3, "mdnptbr0", 1400, null, 0, true, OperState.UP, LinkStats.NONE,
                null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void linkDelegatesToItsAttrs() {
        LinkAttrs attrs = new LinkAttrs(3, "mdnptbr0", 1400, null, 0, true, OperState.UP, LinkStats.NONE);

        Link bridge = new BridgeLink(attrs);

        assertThat(bridge.index()).isEqualTo(3);
        assertThat(bridge.name()).isEqualTo("mdnptbr0");
        assertThat(bridge.mtu()).isEqualTo(1400);
        assertThat(bridge.up()).isTrue();
        assertThat(bridge.kind()).isEqualTo("bridge");
        assertThat(new VethLink(attrs, 4).kind()).isEqualTo("veth");
    }

    @Test
    void operStateOfAnUnknownCodeIsUnknown() {
        assertThat(OperState.of(6)).isEqualTo(OperState.UP);
        assertThat(OperState.of(99)).isEqualTo(OperState.UNKNOWN);
    }
}
