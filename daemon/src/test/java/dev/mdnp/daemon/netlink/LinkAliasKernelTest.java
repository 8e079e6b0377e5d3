package dev.mdnp.daemon.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.mdnp.daemon.netlink.testsupport.PrivateNetns;
import dev.mdnp.daemon.netlink.testsupport.PrivateNetnsExtension;
import dev.mdnp.daemon.netlink.wire.Errno;
import dev.mdnp.daemon.netlink.wire.IfInfoMsg;
import dev.mdnp.daemon.netlink.wire.Ifla;
import dev.mdnp.daemon.netlink.wire.IflaInfo;
import dev.mdnp.daemon.netlink.wire.MessageBuilder;
import dev.mdnp.daemon.netlink.wire.NlmF;
import dev.mdnp.daemon.netlink.wire.Rtm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Link aliases ({@code IFLA_IFALIAS}) in a private namespace: set, read back, cleared, kept across a move to another
 * namespace, refused when too long, and ignored by the kernel in the request that creates a link.
 */
@Tag("kernel")
class LinkAliasKernelTest {

    private static final String ALIAS = "mdnp:a:0123456789ab";
    private static final int CHANGE = NlmF.REQUEST | NlmF.ACK;
    private static final int CREATE = NlmF.REQUEST | NlmF.ACK | NlmF.CREATE | NlmF.EXCL;

    @RegisterExtension
    final PrivateNetnsExtension namespace = new PrivateNetnsExtension();
    private PrivateNetns netns;
    private PrivateNetns other;
    private LinkMonitor monitor;
    private LinkOps links;

    @BeforeEach
    void openNamespaceWithABridgeAndAVethPair() throws Exception {
        netns = namespace.get();
        links = netns.rtnl().links();
        links.createBridge("mdnptbr0");
        links.createVeth(VethPair.of("mdnpth0", "mdnptc0"));
    }

    @AfterEach
    void closeMonitorAndOtherNamespace() throws Exception {
        if (monitor != null) {
            monitor.close();
        }
        if (other != null) {
            other.close();
        }
    }

    @Test
    void aNewLinkHasNoAlias() {
        assertThat(links.list()).extracting(Link::alias).containsOnly("");
    }

    @Test
    void setAliasIsReadBackByGetAndByTheDump() {
        links.setAlias("mdnptbr0", ALIAS);

        assertThat(link("mdnptbr0").alias()).isEqualTo(ALIAS);
        assertThat(links.get(link("mdnptbr0").index()).orElseThrow().alias()).isEqualTo(ALIAS);
        assertThat(links.list()).filteredOn(link -> !link.alias().isEmpty()).extracting(Link::name)
                .containsExactly("mdnptbr0");
    }

    @Test
    void eachVethEndHasItsOwnAlias() {
        links.setAlias("mdnpth0", "mdnp:a:h");
        links.setAlias("mdnptc0", "mdnp:a:c");

        assertThat(link("mdnpth0").alias()).isEqualTo("mdnp:a:h");
        assertThat(link("mdnptc0").alias()).isEqualTo("mdnp:a:c");
    }

    @Test
    void setAliasReplacesTheOldOne() {
        links.setAlias("mdnpth0", "mdnp:a:first-and-longer");
        links.setAlias("mdnpth0", "mdnp:b:2");

        assertThat(link("mdnpth0").alias()).isEqualTo("mdnp:b:2");
    }

    @Test
    void emptyAliasClearsIt() {
        links.setAlias("mdnpth0", ALIAS);

        links.setAlias("mdnpth0", "");

        assertThat(link("mdnpth0").alias()).isEmpty();
        links.setAlias("mdnpth0", "");
        assertThat(link("mdnpth0").alias()).as("clearing twice is no error").isEmpty();
    }

    @Test
    void aliasOf255BytesIsKeptWhole() {
        String ascii = "m".repeat(255);
        String utf8 = "m" + "é".repeat(127);

        links.setAlias("mdnpth0", ascii);
        links.setAlias("mdnptc0", utf8);

        assertThat(link("mdnpth0").alias()).isEqualTo(ascii);
        assertThat(link("mdnptc0").alias()).isEqualTo(utf8);
    }

    @Test
    void aliasOver255BytesIsRefusedBeforeSending() {
        links.setAlias("mdnpth0", ALIAS);

        assertThatThrownBy(() -> links.setAlias("mdnpth0", "m".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("is 256 bytes long; Linux allows at most 255");
        assertThatThrownBy(() -> links.setAlias("mdnpth0", "é".repeat(128)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(link("mdnpth0").alias()).isEqualTo(ALIAS);
    }

    @Test
    void kernelAnswersAPayloadOver255BytesWithErange() {
        // why the alias goes without its NUL: 255 bytes and a NUL are 256, one over the policy's NLA_BINARY limit
        byte[] terminated = Arrays.copyOf("m".repeat(255).getBytes(StandardCharsets.UTF_8), 256);

        assertThatThrownBy(() -> netns.rtnl().exchange().ack("set alias of mdnpth0",
                set("mdnpth0").bytes(Ifla.IFALIAS, terminated)))
                .isInstanceOfSatisfying(NetlinkException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.ERANGE);
                    assertThat(e.kernelMessage()).isEqualTo("Attribute failed policy validation");
                });
        assertThat(link("mdnpth0").alias()).isEmpty();
    }

    @Test
    void setAliasOfAMissingLinkFailsWithEnodev() {
        assertThatThrownBy(() -> links.setAlias("mdnptnone", ALIAS))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENODEV))
                .hasMessage("set alias of mdnptnone to \"" + ALIAS + "\": no such device (ENODEV)");
    }

    @Test
    void kernelIgnoresAnAliasInTheRequestThatCreatesALink() {
        // as "ip link add NAME alias A type bridge" and "... type veth peer name PEER alias B" send them: acknowledged,
        // and dropped, because rtnl_create_link (for the link and for the veth peer) does not read IFLA_IFALIAS
        MessageBuilder bridge = new MessageBuilder(Rtm.NEWLINK, CREATE).struct(IfInfoMsg.ofIndex(0))
                .string(Ifla.IFNAME, "mdnptbr1").bytes(Ifla.IFALIAS, bytes("mdnp:a:br"))
                .nest(Ifla.LINKINFO, info -> info.string(IflaInfo.KIND, IflaInfo.KIND_BRIDGE));
        MessageBuilder veth = new MessageBuilder(Rtm.NEWLINK, CREATE).struct(IfInfoMsg.ofIndex(0))
                .string(Ifla.IFNAME, "mdnpth1").bytes(Ifla.IFALIAS, bytes("mdnp:a:h"))
                .nest(Ifla.LINKINFO, info -> info.string(IflaInfo.KIND, IflaInfo.KIND_VETH)
                        .nest(IflaInfo.DATA, data -> data.nest(IflaInfo.VETH_INFO_PEER, peer -> peer
                                .struct(IfInfoMsg.ofIndex(0)).string(Ifla.IFNAME, "mdnptc1")
                                .bytes(Ifla.IFALIAS, bytes("mdnp:a:c")))));

        netns.rtnl().exchange().ack("create bridge mdnptbr1 with alias", bridge);
        netns.rtnl().exchange().ack("create veth mdnpth1/mdnptc1 with aliases", veth);

        assertThat(link("mdnptbr1")).isInstanceOf(BridgeLink.class);
        assertThat(link("mdnptc1")).isInstanceOf(VethLink.class);
        assertThat(links.list()).extracting(Link::alias).containsOnly("");
    }

    @Test
    void aliasChangeOfAnUpLinkIsReportedByTheMonitor() throws Exception {
        // only of an up link: do_setlink notifies through netif_state_change, which is silent for a down one
        links.setUp("mdnpth0");
        RecordingLinkListener listener = new RecordingLinkListener();
        monitor = netns.inside(() -> netns.rtnl().monitorLinks(listener));

        links.setAlias("mdnpth0", ALIAS);

        await().atMost(Duration.ofSeconds(10)).until(() -> listener.events().stream().anyMatch(event ->
                event.kind() == LinkEvent.Kind.NEW && event.link().name().equals("mdnpth0")
                        && event.link().alias().equals(ALIAS)));
    }

    @Test
    void vethEndKeepsItsAliasWhenMovedToAnotherNamespace() throws Exception {
        links.setAlias("mdnpth0", "mdnp:a:h");
        links.setAlias("mdnptc0", "mdnp:a:c");
        other = PrivateNetns.create();
        // IFLA_NET_NS_PID takes a thread id too: the namespace of the thread that serves the other fixture
        String thread = other.inside(() -> Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName()
                .toString());

        netns.rtnl().exchange().ack("move mdnptc0", set("mdnptc0").u32(Ifla.NET_NS_PID, Integer.parseInt(thread)));

        assertThat(links.get("mdnptc0")).isEmpty();
        Link moved = other.rtnl().links().get("mdnptc0").orElseThrow();
        assertThat(moved.alias()).isEqualTo("mdnp:a:c");
        assertThat(((VethLink) link("mdnpth0")).peerIndex()).as("peer in another namespace").isZero();
        assertThat(link("mdnpth0").alias()).isEqualTo("mdnp:a:h");
    }

    private Link link(String name) {
        return links.get(name).orElseThrow();
    }

    private static MessageBuilder set(String name) {
        return new MessageBuilder(Rtm.SETLINK, CHANGE).struct(IfInfoMsg.ofIndex(0)).string(Ifla.IFNAME, name);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
