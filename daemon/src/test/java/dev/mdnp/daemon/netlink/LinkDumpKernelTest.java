package dev.mdnp.daemon.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.daemon.netlink.sys.NetlinkSocket;
import dev.mdnp.daemon.netlink.testsupport.PrivateNetns;
import dev.mdnp.daemon.netlink.testsupport.PrivateNetnsExtension;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Dumps large enough that the kernel splits them over many datagrams, in a private namespace. */
@Tag("kernel")
class LinkDumpKernelTest {

    private static final int PAIRS = 300;

    @RegisterExtension
    final PrivateNetnsExtension namespace = new PrivateNetnsExtension();
    private PrivateNetns netns;
    private RecordingNetlinkChannel channel;
    private RtNetlink counted;

    @BeforeEach
    void openNamespaceWithACountingHandle() throws Exception {
        netns = namespace.get();
        channel = netns.inside(() -> new RecordingNetlinkChannel(
                NetlinkSocket.open(0, 1 << 20, Duration.ofSeconds(5))));
        counted = new RtNetlink(channel, netns.netns());
    }

    @AfterEach
    void closeCountingHandle() {
        if (counted != null) {
            counted.close();
        }
    }

    @Test
    void dumpOfHundredsOfVethPairsIsMultiPartAndComplete() {
        for (int i = 0; i < PAIRS; i++) {
            netns.rtnl().links().createVeth(VethPair.of("mdnpta" + i, "mdnptb" + i));
        }

        List<Link> links = counted.links().list();

        assertThat(channel.messagesSent()).isEqualTo(1);
        assertThat(channel.datagramsReceived()).as("datagrams of one dump").isGreaterThan(5);
        assertThat(links).hasSize(2 * PAIRS + 1);
        assertThat(links).filteredOn(VethLink.class::isInstance).hasSize(2 * PAIRS);
        Map<String, Link> byName = links.stream().collect(Collectors.toMap(Link::name, Function.identity()));
        for (int i = 0; i < PAIRS; i++) {
            VethLink a = (VethLink) byName.get("mdnpta" + i);
            assertThat(a.peerIndex()).as("peer of mdnpta" + i).isEqualTo(byName.get("mdnptb" + i).index());
        }
    }

    @Test
    void dumpOfHundredsOfAddressesIsMultiPartAndComplete() throws Exception {
        netns.rtnl().links().createBridge("mdnptbr0");
        int bridge = netns.rtnl().links().get("mdnptbr0").orElseThrow().index();
        for (int i = 0; i < PAIRS; i++) {
            netns.rtnl().addresses().add(new Address(bridge,
                    InetAddress.getByAddress(new byte[] {10, 77, (byte) (i >> 8), (byte) i}), 32));
        }

        List<Address> addresses = counted.addresses().list(bridge);

        assertThat(channel.datagramsReceived()).as("datagrams of one dump").isGreaterThan(1);
        assertThat(addresses).hasSize(PAIRS);
    }

    @Test
    void requestsAfterADumpStillMatchTheirReplies() {
        for (int i = 0; i < 50; i++) {
            netns.rtnl().links().createBridge("mdnptbr" + i);
        }

        for (int round = 0; round < 3; round++) {
            assertThat(counted.links().list()).hasSize(51);
            assertThat(counted.links().get("mdnptbr7")).isPresent();
        }
    }
}
