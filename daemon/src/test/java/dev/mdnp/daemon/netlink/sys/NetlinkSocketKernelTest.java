package dev.mdnp.daemon.netlink.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdnp.daemon.netlink.testsupport.PrivateNetns;
import dev.mdnp.daemon.netlink.testsupport.PrivateNetnsExtension;
import dev.mdnp.daemon.netlink.wire.Errno;
import dev.mdnp.daemon.netlink.wire.LinkMessages;
import dev.mdnp.daemon.netlink.wire.NlMessage;
import dev.mdnp.daemon.netlink.wire.Rtm;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The raw socket, opened on the thread of a private namespace. */
@Tag("kernel")
class NetlinkSocketKernelTest {

    private final List<NetlinkSocket> sockets = new ArrayList<>();
    @RegisterExtension
    final PrivateNetnsExtension namespace = new PrivateNetnsExtension();
    private PrivateNetns netns;

    @BeforeEach
    void openNamespace() throws Exception {
        netns = namespace.get();
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(NetlinkSocket::close);
    }

    @Test
    void eachSocketGetsItsOwnPortId() throws Exception {
        NetlinkSocket first = open(Duration.ofSeconds(5));
        NetlinkSocket second = open(Duration.ofSeconds(5));

        assertThat(first.portId()).isNotZero().isNotEqualTo(second.portId());
    }

    @Test
    void receiveWithNothingToReadFailsWithEagainAfterTheTimeout() throws Exception {
        NetlinkSocket socket = open(Duration.ofMillis(100));
        long started = System.nanoTime();

        assertThatThrownBy(() -> socket.receive(ByteBuffer.allocateDirect(4096)))
                .isInstanceOfSatisfying(ErrnoException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.EAGAIN.number());
                    assertThat(e.call()).isEqualTo("recv");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(90));
    }

    @Test
    void receiveFillsTheBufferFromPositionZeroWhateverItsPosition() throws Exception {
        NetlinkSocket socket = open(Duration.ofSeconds(5));
        ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        buffer.position(100);

        socket.send(LinkMessages.get("lo").toBytes(1, socket.portId()));
        int length = socket.receive(buffer);

        NlMessage reply = NlMessage.split(buffer, length).get(0);
        assertThat(reply.type()).isEqualTo(Rtm.NEWLINK);
        assertThat(reply.header().seq()).isEqualTo(1);
        assertThat(reply.header().pid()).isEqualTo(socket.portId());
        assertThat(buffer.position()).isZero();
        assertThat(buffer.limit()).isEqualTo(length);
    }

    @Test
    void receiveRefusesAHeapBuffer() throws Exception {
        NetlinkSocket socket = open(Duration.ofSeconds(5));

        assertThatThrownBy(() -> socket.receive(ByteBuffer.allocate(4096)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closedSocketRefusesToSendAndCloseIsIdempotent() throws Exception {
        NetlinkSocket socket = open(Duration.ofSeconds(5));

        socket.close();
        socket.close();

        assertThatThrownBy(() -> socket.send(new byte[16])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void unshareMovesOnlyTheCallingThread() throws Exception {
        Netns before = Netns.current();

        Netns inside = netns.inside(Netns::current);

        assertThat(inside).isEqualTo(netns.netns()).isNotEqualTo(before);
        assertThat(Netns.current()).isEqualTo(before);
        assertThat(inside.id()).startsWith("net:[");
    }

    private NetlinkSocket open(Duration timeout) throws Exception {
        NetlinkSocket socket = netns.inside(() -> NetlinkSocket.open(0, 1 << 20, timeout));
        sockets.add(socket);
        return socket;
    }
}
