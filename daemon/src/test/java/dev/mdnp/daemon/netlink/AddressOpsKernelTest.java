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

/** Adding, listing and deleting IPv4 and IPv6 addresses on a bridge in a private namespace. */
@Tag("kernel")
class AddressOpsKernelTest {

    @RegisterExtension
    final PrivateNetnsExtension namespace = new PrivateNetnsExtension();
    private PrivateNetns netns;
    private AddressOps addresses;
    private int bridge;
    private int other;

    @BeforeEach
    void openNamespaceWithTwoBridges() throws Exception {
        netns = namespace.get();
        addresses = netns.rtnl().addresses();
        LinkOps links = netns.rtnl().links();
        links.createBridge("mdnptbr0");
        links.createBridge("mdnptbr1");
        bridge = links.get("mdnptbr0").orElseThrow().index();
        other = links.get("mdnptbr1").orElseThrow().index();
    }

    @Test
    void addedIpv4AddressIsListedWithItsPrefix() throws Exception {
        Address address = new Address(bridge, InetAddress.getByName("10.250.77.1"), 24);

        addresses.add(address);

        assertThat(addresses.list(bridge)).containsExactly(address);
        assertThat(address.family()).isEqualTo(IpFamily.IPV4);
    }

    @Test
    void addedIpv6AddressIsListedWithItsPrefix() throws Exception {
        netns.rtnl().links().setUp("mdnptbr0");
        Address address = new Address(bridge, InetAddress.getByName("fd00:77::1"), 64);

        addresses.add(address);

        assertThat(addresses.list(bridge)).contains(address);
    }

    @Test
    void listOfOneLinkLeavesOutTheOthers() throws Exception {
        Address mine = new Address(bridge, InetAddress.getByName("10.250.77.1"), 24);
        Address theirs = new Address(other, InetAddress.getByName("10.250.78.1"), 24);
        addresses.add(mine);
        addresses.add(theirs);

        assertThat(addresses.list(bridge)).containsExactly(mine);
        assertThat(addresses.list()).contains(mine, theirs);
    }

    @Test
    void addingAnAddressTwiceFailsWithEexist() throws Exception {
        Address address = new Address(bridge, InetAddress.getByName("10.250.77.1"), 24);
        addresses.add(address);

        assertThatThrownBy(() -> addresses.add(address))
                .isInstanceOfSatisfying(NetlinkException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.EEXIST);
                    assertThat(e.kernelMessage()).isEqualTo("ipv4: Address already assigned");
                })
                .hasMessageStartingWith("add address 10.250.77.1/24 on link " + bridge + ": file exists (EEXIST)");
    }

    @Test
    void deleteRemovesTheAddress() throws Exception {
        Address v4 = new Address(bridge, InetAddress.getByName("10.250.77.1"), 24);
        Address v6 = new Address(bridge, InetAddress.getByName("fd00:77::1"), 64);
        addresses.add(v4);
        addresses.add(v6);

        addresses.delete(v4);
        addresses.delete(v6);

        assertThat(addresses.list(bridge)).doesNotContain(v4, v6);
    }

    @Test
    void deleteOfAnAddressTheLinkLacksFailsWithEaddrnotavail() throws Exception {
        Address absent = new Address(bridge, InetAddress.getByName("10.250.77.9"), 24);

        assertThatThrownBy(() -> addresses.delete(absent))
                .isInstanceOfSatisfying(NetlinkException.class,
                        e -> assertThat(e.errno()).isEqualTo(Errno.EADDRNOTAVAIL));
    }

    @Test
    void addressOnAMissingLinkFailsWithEnodev() throws Exception {
        Address address = new Address(999_999, InetAddress.getByName("10.250.77.1"), 24);

        assertThatThrownBy(() -> addresses.add(address))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENODEV));
    }
}
