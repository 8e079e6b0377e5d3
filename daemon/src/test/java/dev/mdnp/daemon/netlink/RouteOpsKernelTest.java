package dev.mdnp.daemon.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdnp.daemon.netlink.testsupport.PrivateNetns;
import dev.mdnp.daemon.netlink.testsupport.PrivateNetnsExtension;
import dev.mdnp.daemon.netlink.wire.Errno;
import java.net.InetAddress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Default and prefix routes through a bridge that is up and has addresses, in a private namespace. */
@Tag("kernel")
class RouteOpsKernelTest {

    @RegisterExtension
    final PrivateNetnsExtension namespace = new PrivateNetnsExtension();
    private PrivateNetns netns;
    private RouteOps routes;
    private int bridge;

    @BeforeEach
    void openNamespaceWithAnAddressedBridge() throws Exception {
        netns = namespace.get();
        routes = netns.rtnl().routes();
        LinkOps links = netns.rtnl().links();
        links.createBridge("mdnptbr0");
        links.setUp("mdnptbr0");
        bridge = links.get("mdnptbr0").orElseThrow().index();
        netns.rtnl().addresses().add(new Address(bridge, InetAddress.getByName("10.250.77.2"), 24));
        netns.rtnl().addresses().add(new Address(bridge, InetAddress.getByName("fd00:77::2"), 64));
    }

    @Test
    void theKernelsPrefixRouteIsListed() throws Exception {
        assertThat(routes.list(IpFamily.IPV4))
                .containsExactly(new Route(InetAddress.getByName("10.250.77.0"), 24, null, bridge));
    }

    @Test
    void defaultRouteViaAGatewayIsAddedListedAndDeleted() throws Exception {
        InetAddress gateway = InetAddress.getByName("10.250.77.1");

        routes.add(Route.defaultVia(gateway));

        assertThat(routes.list(IpFamily.IPV4)).filteredOn(Route::isDefault)
                .containsExactly(new Route(InetAddress.getByName("0.0.0.0"), 0, gateway, bridge));

        routes.delete(Route.defaultVia(gateway));

        assertThat(routes.list(IpFamily.IPV4)).filteredOn(Route::isDefault).isEmpty();
    }

    @Test
    void ipv6DefaultRouteIsAddedAndListed() throws Exception {
        InetAddress gateway = InetAddress.getByName("fd00:77::1");

        routes.add(Route.defaultVia(gateway));

        assertThat(routes.list(IpFamily.IPV6)).filteredOn(Route::isDefault).singleElement()
                .satisfies(route -> {
                    assertThat(route.gateway()).isEqualTo(gateway);
                    assertThat(route.linkIndex()).isEqualTo(bridge);
                });
    }

    @Test
    void prefixRouteThroughALinkIsAdded() throws Exception {
        Route route = new Route(InetAddress.getByName("10.99.0.0"), 16, null, bridge);

        routes.add(route);

        assertThat(routes.list(IpFamily.IPV4)).contains(route);
    }

    @Test
    void addingARouteTwiceFailsWithEexist() throws Exception {
        Route route = Route.defaultVia(InetAddress.getByName("10.250.77.1"));
        routes.add(route);

        assertThatThrownBy(() -> routes.add(route))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST))
                .hasMessageStartingWith("add route default via 10.250.77.1: file exists (EEXIST)");
    }

    @Test
    void deleteOfAMissingRouteFailsWithEsrch() throws Exception {
        assertThatThrownBy(() -> routes.delete(Route.defaultVia(InetAddress.getByName("10.250.77.1"))))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ESRCH));
    }

    @Test
    void gatewayThatNoLinkReachesFailsWithEnetunreach() throws Exception {
        assertThatThrownBy(() -> routes.add(Route.defaultVia(InetAddress.getByName("192.0.2.1"))))
                .isInstanceOfSatisfying(NetlinkException.class,
                        e -> assertThat(e.errno()).isEqualTo(Errno.ENETUNREACH));
    }
}
