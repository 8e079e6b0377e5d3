package dev.mdnp.daemon.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.mdnp.daemon.crash.NamedNetns;
import dev.mdnp.daemon.netlink.Address;
import dev.mdnp.daemon.netlink.Link;
import dev.mdnp.daemon.netlink.LinkOps;
import dev.mdnp.daemon.netlink.MacAddress;
import dev.mdnp.daemon.netlink.NetlinkException;
import dev.mdnp.daemon.netlink.RtNetlink;
import dev.mdnp.daemon.netlink.VethPair;
import dev.mdnp.daemon.netlink.sys.Netns;
import dev.mdnp.daemon.netlink.testsupport.PrivateNetns;
import dev.mdnp.daemon.netlink.testsupport.PrivateNetnsExtension;
import dev.mdnp.daemon.testsupport.E2ePlugin;
import dev.mdnp.daemon.testsupport.NetnsShell;
import dev.mdnp.model.inspect.ContainerInterfaceView;
import dev.mdnp.model.inspect.ContainerRef;
import dev.mdnp.model.inspect.EndpointView;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox reader against a real kernel: a named namespace ({@code ip netns add mdnpt-sbx-…}, a bind-mounted
 * namespace file as Docker's sandbox keys are) stands for a container, with two veth ends moved into it from a
 * private namespace and renamed {@code eth0} and {@code eth1}, as Docker does.
 */
@Tag("kernel")
class SandboxReaderKernelTest {

    private static final String EP0 = "e0b0a8e2947b04d75c24d44050aff50d943411ee11c51df70fddd4873345caed";
    private static final String EP1 = "f1c1b9f3058c15e86d35e55161b0061e054522ff22d62e81e0eee5984456dbfe";
    private static final String NET0 = "8f6511a52af05c1be2fd2d903e6ef9d77decc288ddf48f97a22cb101232400a2";
    private static final String NET1 = "3c0d1e1f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d";
    private static final MacAddress MAC0 = MacAddress.parse("02:42:0a:e7:5f:02");
    private static final MacAddress MAC1 = MacAddress.parse("02:42:0a:e7:60:02");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final PrivateNetnsExtension namespace = new PrivateNetnsExtension();
    @TempDir
    Path dir;

    private PrivateNetns host;
    private NamedNetns sandbox;
    private String sandboxKey;
    private final SandboxReader reader = new SandboxReader(SandboxLinks.netlink());

    @BeforeEach
    void createSandbox() throws Exception {
        host = namespace.get();
        sandbox = NamedNetns.create("mdnpt-sbx-" + E2ePlugin.randomHex(4));
        sandboxKey = NetnsShell.netnsPath(sandbox.name()).toString();
        plug("mdnpth0", "mdnptc0", MAC0, "eth0", "10.231.95");
        plug("mdnpth1", "mdnptc1", MAC1, "eth1", "10.231.96");
    }

    @AfterEach
    void deleteSandbox() throws Exception {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void eachEndpointsInterfaceIsFoundByItsMacWithTheNameStateAndCountersInsideTheContainer() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(reader.read(sandboxKey, endpoints()))
                .extracting(ContainerInterfaceView::endpointId, ContainerInterfaceView::networkId,
                        ContainerInterfaceView::name, ContainerInterfaceView::mac, ContainerInterfaceView::operState,
                        ContainerInterfaceView::problem)
                .containsExactly(
                        tuple(EP0, NET0, "eth0", MAC0.toString(), "UP", ""),
                        tuple(EP1, NET1, "eth1", MAC1.toString(), "UP", "")));
    }

    @Test
    void countersRiseAfterAPing() throws Exception {
        await().atMost(WAIT).until(() -> reader.read(sandboxKey, endpoints()).get(0).operState().equals("UP"));
        ContainerInterfaceView before = reader.read(sandboxKey, endpoints()).get(0);

        NetnsShell.in(sandbox.name()).ok("busybox", "ping", "-c", "3", "-W", "2", "10.231.95.1");

        ContainerInterfaceView after = reader.read(sandboxKey, endpoints()).get(0);
        assertThat(after.txBytes()).as("eth0 sent the echo requests").isGreaterThan(before.txBytes());
        assertThat(after.rxBytes()).as("eth0 received the replies").isGreaterThan(before.rxBytes());
    }

    @Test
    void aMacThatNoInterfaceHasIsAProblemOfThatInterfaceOnly() {
        EndpointView stranger = endpoint(EP1, NET1, "02:42:0a:e7:61:99");

        List<ContainerInterfaceView> views = reader.read(sandboxKey, List.of(endpoint(EP0, NET0, MAC0.toString()),
                stranger));

        assertThat(views.get(0).name()).isEqualTo("eth0");
        assertThat(views.get(1).isRead()).isFalse();
        assertThat(views.get(1).name()).isEmpty();
        assertThat(views.get(1).problem())
                .isEqualTo("no interface in the container has the endpoint's MAC 02:42:0a:e7:61:99");
    }

    @Test
    void aMissingNamespaceFileMeansTheNamespaceIsGone() {
        String gone = NetnsShell.netnsPath("mdnpt-sbx-gone-" + E2ePlugin.randomHex(4)).toString();

        assertThat(reader.read(gone, endpoints())).extracting(ContainerInterfaceView::problem).containsOnly(
                "the container's namespace is gone: " + gone + " does not exist");
    }

    @Test
    void aFileThatIsNoNetworkNamespaceIsRefusedWithoutEnteringIt() throws Exception {
        Path plain = Files.writeString(dir.resolve("not-a-namespace"), "plain file");
        String mountNamespace = "/proc/self/ns/mnt";

        assertThat(reader.read(plain.toString(), endpoints())).extracting(ContainerInterfaceView::problem)
                .containsOnly("not a network namespace: " + plain);
        assertThat(reader.read(mountNamespace, endpoints())).extracting(ContainerInterfaceView::problem)
                .containsOnly("not a network namespace: " + mountNamespace);
        assertThat(Files.readString(plain)).isEqualTo("plain file");
    }

    @Test
    void aHandleOpenedInTheSandboxWorksThereWhileTheCallingThreadStaysWhereItWas() throws Exception {
        Netns caller = host.inside(Netns::current);

        Netns opened = host.inside(() -> {
            try (RtNetlink rtnl = RtNetlink.openIn(Path.of(sandboxKey))) {
                assertThat(rtnl.links().list()).extracting(Link::name)
                        .containsExactlyInAnyOrder("lo", "eth0", "eth1");
                return rtnl.netns();
            }
        });

        assertThat(opened).isNotEqualTo(caller);
        assertThat(opened.id()).as("the sandbox's namespace, by the inode of its file")
                .isEqualTo("net:[" + Files.getAttribute(Path.of(sandboxKey), "unix:ino") + "]");
        assertThat(host.inside(Netns::current)).as("the calling thread's namespace").isEqualTo(caller);
    }

    @Test
    void aRelativeKeyIsNeverOpened() {
        assertThat(reader.read("run/netns/x", endpoints())).extracting(ContainerInterfaceView::problem)
                .containsOnly("the sandbox key \"run/netns/x\" is not an absolute path");
    }

    @Test
    void openingAMissingFileFailsWithEnoent() {
        NetlinkException failure = catchThrowableOfType(
                () -> RtNetlink.openIn(Path.of(sandboxKey + "-gone")), NetlinkException.class);

        assertThat(failure.errnoName()).isEqualTo("ENOENT");
    }

    /** Creates a veth pair in the host namespace and moves its peer into the sandbox as {@code inside}, both up. */
    private void plug(String hostEnd, String peer, MacAddress mac, String inside, String subnet) throws Exception {
        LinkOps links = host.rtnl().links();
        links.createVeth(VethPair.of(hostEnd, peer).withPeerMac(mac));
        int index = links.get(hostEnd).orElseThrow().index();
        host.rtnl().addresses().add(new Address(index, InetAddress.getByName(subnet + ".1"), 24));
        links.setUp(hostEnd);
        List<String> move = new ArrayList<>(host.commandPrefix());
        move.addAll(List.of("ip", "link", "set", peer, "netns", sandbox.name()));
        NetnsShell.here().ok(move.toArray(String[]::new));
        sandbox.ip("link", "set", peer, "name", inside);
        sandbox.ip("addr", "add", subnet + ".2/24", "dev", inside);
        sandbox.ip("link", "set", inside, "up");
    }

    private static List<EndpointView> endpoints() {
        return List.of(endpoint(EP0, NET0, MAC0.toString()), endpoint(EP1, NET1, MAC1.toString()));
    }

    private static EndpointView endpoint(String id, String networkId, String mac) {
        return new EndpointView(id, networkId, "mdnph" + id.substring(0, 10), "mdnpc" + id.substring(0, 10), mac,
                "", "", true, "/run/netns/unused", List.of(), ContainerRef.UNKNOWN);
    }
}
