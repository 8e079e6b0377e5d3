package dev.mdnp.daemon.netlink;

import static dev.mdnp.daemon.netlink.LinkParserTest.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.daemon.netlink.wire.Af;
import dev.mdnp.daemon.netlink.wire.IfAddrMsg;
import dev.mdnp.daemon.netlink.wire.Ifa;
import dev.mdnp.daemon.netlink.wire.MessageBuilder;
import dev.mdnp.daemon.netlink.wire.Rt;
import dev.mdnp.daemon.netlink.wire.Rta;
import dev.mdnp.daemon.netlink.wire.RtMsg;
import dev.mdnp.daemon.netlink.wire.Rtm;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Address and route messages as the kernel sends them, turned into {@link Address} and {@link Route} values. */
class AddressAndRouteParserTest {

    @Test
    void ipv4AddressIsTheLocalAttribute() throws Exception {
        byte[] bytes = new MessageBuilder(Rtm.NEWADDR, 0).struct(new IfAddrMsg(Af.INET, 24, 0x80, 0, 7))
                .bytes(Ifa.ADDRESS, ip("10.0.0.2")).bytes(Ifa.LOCAL, ip("10.0.0.1")).string(Ifa.LABEL, "br")
                .toBytes(0, 0);

        assertThat(AddressParser.parse(only(bytes)))
                .contains(new Address(7, InetAddress.getByName("10.0.0.1"), 24));
    }

    @Test
    void ipv6AddressIsTheAddressAttribute() throws Exception {
        byte[] bytes = new MessageBuilder(Rtm.NEWADDR, 0).struct(new IfAddrMsg(Af.INET6, 64, 0, 0, 7))
                .bytes(Ifa.ADDRESS, ip("fd00::1")).toBytes(0, 0);

        assertThat(AddressParser.parse(only(bytes)))
                .contains(new Address(7, InetAddress.getByName("fd00::1"), 64));
    }

    @Test
    void addressOfAnotherFamilyIsSkipped() {
        byte[] bytes = new MessageBuilder(Rtm.NEWADDR, 0).struct(new IfAddrMsg(17, 0, 0, 0, 7)).toBytes(0, 0);

        assertThat(AddressParser.parse(only(bytes))).isEmpty();
    }

    @Test
    void defaultRouteHasTheZeroDestination() throws Exception {
        byte[] bytes = route(Af.INET, 0, Rt.TABLE_MAIN, Rt.RTN_UNICAST).bytes(Rta.GATEWAY, ip("10.0.0.1"))
                .u32(Rta.OIF, 7).u32(Rta.TABLE, Rt.TABLE_MAIN).toBytes(0, 0);

        assertThat(RouteParser.parse(only(bytes))).contains(new Route(InetAddress.getByName("0.0.0.0"), 0,
                InetAddress.getByName("10.0.0.1"), 7));
    }

    @Test
    void prefixRouteHasItsDestination() throws Exception {
        byte[] bytes = route(Af.INET6, 64, Rt.TABLE_MAIN, Rt.RTN_UNICAST).bytes(Rta.DST, ip("fd00::"))
                .u32(Rta.OIF, 7).toBytes(0, 0);

        assertThat(RouteParser.parse(only(bytes)))
                .contains(new Route(InetAddress.getByName("fd00::"), 64, null, 7));
    }

    @Test
    void routesOfOtherTablesAndTypesAreSkipped() throws Exception {
        byte[] local = route(Af.INET, 32, 255, 2).bytes(Rta.DST, ip("10.0.0.1")).u32(Rta.OIF, 7).toBytes(0, 0);
        byte[] bigTable = route(Af.INET, 0, Rt.TABLE_MAIN, Rt.RTN_UNICAST).u32(Rta.TABLE, 1000).u32(Rta.OIF, 7)
                .toBytes(0, 0);

        assertThat(RouteParser.parse(only(local))).isEmpty();
        assertThat(RouteParser.parse(only(bigTable))).isEmpty();
    }

    @Test
    void routeWithoutGatewayOrLinkIsSkipped() {
        byte[] multipath = route(Af.INET, 0, Rt.TABLE_MAIN, Rt.RTN_UNICAST).toBytes(0, 0);

        assertThat(RouteParser.parse(only(multipath))).isEmpty();
    }

    private static MessageBuilder route(int family, int dstLength, int table, int type) {
        return new MessageBuilder(Rtm.NEWROUTE, 0)
                .struct(new RtMsg(family, dstLength, 0, 0, table, Rt.PROT_BOOT, Rt.SCOPE_UNIVERSE, type, 0));
    }

    private static byte[] ip(String literal) throws Exception {
        return InetAddress.getByName(literal).getAddress();
    }
}
