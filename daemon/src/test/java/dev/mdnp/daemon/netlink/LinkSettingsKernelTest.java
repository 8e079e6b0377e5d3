package dev.mdnp.daemon.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mdnp.daemon.netlink.testsupport.PrivateNetns;
import dev.mdnp.daemon.netlink.testsupport.PrivateNetnsExtension;
import dev.mdnp.daemon.netlink.wire.Errno;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Changing existing links (up/down, MTU, MAC, master, name, route_localnet) in a private namespace. */
@Tag("kernel")
class LinkSettingsKernelTest {

    @RegisterExtension
    final PrivateNetnsExtension namespace = new PrivateNetnsExtension();
    private PrivateNetns netns;
    private LinkOps links;

    @BeforeEach
    void openNamespaceWithABridgeAndAVethPair() throws Exception {
        netns = namespace.get();
        links = netns.rtnl().links();
        links.createBridge("mdnptbr0");
        links.createVeth(VethPair.of("mdnpth0", "mdnptc0"));
    }

    @Test
    void setUpAndDownToggleOnlyTheUpFlag() {
        links.setUp("mdnpth0");
        assertThat(link("mdnpth0").up()).isTrue();
        assertThat(link("mdnptc0").up()).as("the peer keeps its flags").isFalse();
        assertThat(link("mdnpth0").attrs().operState()).isEqualTo(OperState.LOWER_LAYER_DOWN);

        links.setUp("mdnptc0");
        assertThat(link("mdnptc0").attrs().operState()).isEqualTo(OperState.UP);

        links.setDown("mdnpth0");
        assertThat(link("mdnpth0").up()).isFalse();
        assertThat(link("mdnptc0").up()).isTrue();
    }

    @Test
    void setMtuChangesIt() {
        links.setMtu("mdnpth0", 1450);

        assertThat(link("mdnpth0").mtu()).isEqualTo(1450);
    }

    @Test
    void mtuBelowTheDeviceMinimumFailsWithEinvalAndTheKernelsText() {
        assertThatThrownBy(() -> links.setMtu("mdnpth0", 10))
                .isInstanceOfSatisfying(NetlinkException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.EINVAL);
                    assertThat(e.kernelMessage()).isEqualTo("mtu less than device minimum");
                })
                .hasMessage("set mtu of mdnpth0 to 10: invalid argument (EINVAL): mtu less than device minimum");
    }

    @Test
    void setMacChangesIt() {
        MacAddress mac = MacAddress.parse("02:42:ac:11:00:02");

        links.setMac("mdnpth0", mac);

        assertThat(link("mdnpth0").mac()).isEqualTo(mac);
    }

    @Test
    void multicastMacIsRefusedWithEaddrnotavail() {
        assertThatThrownBy(() -> links.setMac("mdnpth0", MacAddress.parse("01:00:5e:00:00:01")))
                .isInstanceOfSatisfying(NetlinkException.class,
                        e -> assertThat(e.errno()).isEqualTo(Errno.EADDRNOTAVAIL));
    }

    @Test
    void setMasterByIndexOrNameMakesAPortAndNoMasterReleasesIt() {
        int bridge = link("mdnptbr0").index();

        links.setMaster("mdnpth0", bridge);
        links.setMaster("mdnptc0", "mdnptbr0");

        assertThat(link("mdnpth0").masterIndex()).isEqualTo(bridge);
        assertThat(link("mdnptc0").masterIndex()).isEqualTo(bridge);

        links.setNoMaster("mdnpth0");
        assertThat(link("mdnpth0").masterIndex()).isZero();
    }

    @Test
    void theBridgeFollowsTheMtuOfItsPorts() {
        links.setMtu("mdnpth0", 1400);

        links.setMaster("mdnpth0", "mdnptbr0");

        assertThat(link("mdnptbr0").mtu()).isEqualTo(1400);
    }

    @Test
    void masterThatDoesNotExistFails() {
        assertThatThrownBy(() -> links.setMaster("mdnpth0", "mdnptnone"))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENODEV))
                .hasMessage("set master of mdnpth0 to mdnptnone: no such device (ENODEV): no link mdnptnone");
        assertThatThrownBy(() -> links.setMaster("mdnpth0", 999_999))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
    }

    @Test
    void setRouteLocalnetTurnsTheBridgesSysctlOnAndOff() throws Exception {
        assertThat(routeLocalnet("mdnptbr0")).as("the kernel's default").isEqualTo("0");

        links.setRouteLocalnet("mdnptbr0", true);
        assertThat(routeLocalnet("mdnptbr0")).isEqualTo("1");
        assertThat(routeLocalnet("mdnpth0")).as("other links keep theirs").isEqualTo("0");

        links.setRouteLocalnet("mdnptbr0", false);
        assertThat(routeLocalnet("mdnptbr0")).isEqualTo("0");
    }

    @Test
    void setRouteLocalnetOfAMissingLinkFailsWithEnodev() {
        assertThatThrownBy(() -> links.setRouteLocalnet("mdnptnone", true))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENODEV))
                .hasMessage("set route_localnet of mdnptnone to 1: no such device (ENODEV)");
    }

    @Test
    void renameChangesTheNameAndKeepsTheIndex() {
        int index = link("mdnpth0").index();

        links.rename("mdnpth0", "mdnpth1");

        assertThat(links.get("mdnpth0")).isEmpty();
        assertThat(link("mdnpth1").index()).isEqualTo(index);
    }

    /** Linux 6.2 and later rename a link that is up; the kernels before refused it (next test). */
    @Test
    void renameOfALinkThatIsUpKeepsItUp() {
        assumeTrue(kernelAtLeast(6, 2), "renaming a link that is up needs Linux 6.2");
        links.setUp("mdnpth0");

        links.rename("mdnpth0", "mdnpth1");

        assertThat(link("mdnpth1").up()).isTrue();
    }

    /** Before Linux 6.2 the kernel refuses to rename a link that is up, veths included. */
    @Test
    void renameOfALinkThatIsUpFailsWithEbusyBeforeLinux62() {
        assumeFalse(kernelAtLeast(6, 2), "Linux 6.2 and later rename a link that is up");
        links.setUp("mdnpth0");

        assertThatThrownBy(() -> links.rename("mdnpth0", "mdnpth1"))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EBUSY));
    }

    @Test
    void renameToANameInUseFailsWithEexist() {
        assertThatThrownBy(() -> links.rename("mdnpth0", "mdnptc0"))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST));
    }

    @Test
    void changesToAMissingLinkFailWithEnodev() {
        assertThatThrownBy(() -> links.setUp("mdnptnone"))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENODEV))
                .hasMessage("set mdnptnone up: no such device (ENODEV)");
        assertThatThrownBy(() -> links.setMtu("mdnptnone", 1400))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENODEV));
        assertThatThrownBy(() -> links.setMac("mdnptnone", MacAddress.parse("02:00:00:00:00:09")))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENODEV));
        assertThatThrownBy(() -> links.setNoMaster("mdnptnone"))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENODEV));
        assertThatThrownBy(() -> links.rename("mdnptnone", "mdnptx"))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENODEV));
    }

    @Test
    void statsCountTrafficOnLoopback() throws Exception {
        links.setUp("lo");
        LinkStats before = link("lo").attrs().stats();

        netns.inside(() -> {
            try (DatagramSocket socket = new DatagramSocket()) {
                byte[] payload = new byte[100];
                socket.send(new DatagramPacket(payload, payload.length, InetAddress.getLoopbackAddress(), 9));
            }
            return null;
        });

        LinkStats after = link("lo").attrs().stats();
        assertThat(after.txPackets()).isGreaterThan(before.txPackets());
        assertThat(after.rxBytes()).isGreaterThan(before.rxBytes() + 100);
    }

    /** Whether the running kernel ({@code os.version}, e.g. {@code 6.18.44-fc-v1300}) is at least major.minor. */
    private static boolean kernelAtLeast(int major, int minor) {
        String[] version = System.getProperty("os.version").split("[.-]");
        int runningMajor = Integer.parseInt(version[0]);
        return runningMajor > major || runningMajor == major && Integer.parseInt(version[1]) >= minor;
    }

    /** Reads {@code net.ipv4.conf.NAME.route_localnet} on a thread in the namespace, the one {@code /proc/sys} shows. */
    private String routeLocalnet(String name) throws Exception {
        return netns.inside(() -> {
            try (InputStream in = Files.newInputStream(Path.of("/proc/sys/net/ipv4/conf", name, "route_localnet"))) {
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
            }
        });
    }

    private Link link(String name) {
        return links.get(name).orElseThrow();
    }
}
