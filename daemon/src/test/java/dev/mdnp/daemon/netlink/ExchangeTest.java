package dev.mdnp.daemon.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdnp.daemon.netlink.testsupport.KernelReplies;
import dev.mdnp.daemon.netlink.wire.Errno;
import dev.mdnp.daemon.netlink.wire.IfInfoMsg;
import dev.mdnp.daemon.netlink.wire.Ifla;
import dev.mdnp.daemon.netlink.wire.LinkMessages;
import dev.mdnp.daemon.netlink.wire.MessageBuilder;
import dev.mdnp.daemon.netlink.wire.NlMsgHeader;
import dev.mdnp.daemon.netlink.wire.NlmF;
import dev.mdnp.daemon.netlink.wire.Rtm;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Sequence matching, acknowledgements, errors and multi-part dumps, against scripted kernel answers. */
class ExchangeTest {

    @Test
    void changeReturnsOnTheAcknowledgement() {
        StubNetlinkChannel channel = StubNetlinkChannel.acknowledging();

        new Exchange(channel).ack("set mdnpt0 up", LinkMessages.setUp("mdnpt0"));

        NlMsgHeader sent = KernelReplies.headerOf(channel.sent().get(0));
        assertThat(sent.pid()).isEqualTo(StubNetlinkChannel.PORT_ID);
        assertThat(sent.seq()).isPositive();
    }

    @Test
    void eachRequestGetsTheNextSequenceNumber() {
        StubNetlinkChannel channel = StubNetlinkChannel.acknowledging();
        Exchange exchange = new Exchange(channel);

        exchange.ack("a", LinkMessages.setUp("mdnpt0"));
        exchange.ack("b", LinkMessages.setUp("mdnpt0"));

        List<Integer> seqs = channel.sent().stream().map(m -> KernelReplies.headerOf(m).seq()).toList();
        assertThat(seqs.get(1)).isEqualTo(seqs.get(0) + 1);
    }

    @Test
    void kernelErrorBecomesANetlinkExceptionWithErrnoAndText() {
        StubNetlinkChannel channel = new StubNetlinkChannel((request, message) ->
                List.of(KernelReplies.error(request, 22, "mtu less than device minimum")));

        Exchange exchange = new Exchange(channel);

        assertThatThrownBy(() -> exchange.ack("set mtu of mdnpt0 to 10", LinkMessages.setMtu("mdnpt0", 10)))
                .isInstanceOfSatisfying(NetlinkException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.EINVAL);
                    assertThat(e.operation()).isEqualTo("set mtu of mdnpt0 to 10");
                    assertThat(e.kernelMessage()).isEqualTo("mtu less than device minimum");
                })
                .hasMessage("set mtu of mdnpt0 to 10: invalid argument (EINVAL): mtu less than device minimum");
    }

    @Test
    void repliesWithAnotherSequenceNumberOrPortAreDropped() {
        StubNetlinkChannel channel = new StubNetlinkChannel((request, message) -> List.of(
                KernelReplies.error(new NlMsgHeader(0, 0, 0, request.seq() - 1, request.pid()), 17, "late"),
                KernelReplies.error(new NlMsgHeader(0, 0, 0, request.seq(), request.pid() + 1), 17, "not ours"),
                KernelReplies.ack(request)));

        new Exchange(channel).ack("set mdnpt0 up", LinkMessages.setUp("mdnpt0"));

        assertThat(channel.unread()).as("both strays were read past, up to the acknowledgement").isZero();
    }

    @Test
    void dumpCollectsPartsOverManyDatagramsUntilDone() {
        StubNetlinkChannel channel = new StubNetlinkChannel((request, message) -> List.of(
                KernelReplies.datagram(link(request, 1, "lo", 0), link(request, 2, "mdnptbr0", 0)),
                KernelReplies.datagram(link(request, 3, "mdnpth0", 0)),
                KernelReplies.datagram(link(request, 4, "mdnptc0", 0), KernelReplies.done(request, 0))));

        List<Link> links = new Exchange(channel).dump("list links", LinkMessages.dump(), LinkParser::parse);

        assertThat(links).extracting(Link::name).containsExactly("lo", "mdnptbr0", "mdnpth0", "mdnptc0");
    }

    @Test
    void doneWithANegativeErrorFailsTheDump() {
        StubNetlinkChannel channel = new StubNetlinkChannel((request, message) -> List.of(
                KernelReplies.datagram(link(request, 1, "lo", 0), KernelReplies.done(request, -16))));

        assertThatThrownBy(() -> new Exchange(channel).dump("list links", LinkMessages.dump(), LinkParser::parse))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EBUSY));
    }

    @Test
    void interruptedDumpIsRepeated() {
        AtomicInteger attempts = new AtomicInteger();
        StubNetlinkChannel channel = new StubNetlinkChannel((request, message) -> {
            int flags = attempts.incrementAndGet() == 1 ? NlmF.DUMP_INTR : 0;
            return List.of(KernelReplies.datagram(link(request, 1, "lo", flags), KernelReplies.done(request, 0)));
        });

        List<Link> links = new Exchange(channel).dump("list links", LinkMessages.dump(), LinkParser::parse);

        assertThat(attempts).hasValue(2);
        assertThat(links).hasSize(1);
    }

    @Test
    void dumpInterruptedEveryTimeFailsWithEintr() {
        StubNetlinkChannel channel = new StubNetlinkChannel((request, message) -> List.of(KernelReplies.datagram(
                link(request, 1, "lo", NlmF.DUMP_INTR), KernelReplies.done(request, 0))));

        assertThatThrownBy(() -> new Exchange(channel).dump("list links", LinkMessages.dump(), LinkParser::parse))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINTR));
        assertThat(channel.sent()).hasSize(5);
    }

    @Test
    void getOfAMissingObjectIsEmpty() {
        StubNetlinkChannel channel = new StubNetlinkChannel((request, message) ->
                List.of(KernelReplies.error(request, 19, "")));

        assertThat(new Exchange(channel).get("get link x", LinkMessages.get("x"), LinkParser::parse)).isEmpty();
    }

    @Test
    void getReturnsTheReplyBeforeTheAcknowledgement() {
        StubNetlinkChannel channel = new StubNetlinkChannel((request, message) ->
                List.of(KernelReplies.datagram(link(request, 5, "mdnpt0", 0), KernelReplies.ack(request))));

        assertThat(new Exchange(channel).get("get link mdnpt0", LinkMessages.get("mdnpt0"), LinkParser::parse))
                .hasValueSatisfying(link -> assertThat(link.index()).isEqualTo(5));
    }

    @Test
    void noReplyFailsWithEagainNamingTheTimeout() {
        StubNetlinkChannel channel = new StubNetlinkChannel((request, message) -> List.of());

        assertThatThrownBy(() -> new Exchange(channel).ack("create bridge mdnptbr0",
                LinkMessages.createBridge("mdnptbr0", 0)))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EAGAIN))
                .hasMessage("create bridge mdnptbr0: resource temporarily unavailable (EAGAIN): no reply within the"
                        + " receive timeout");
    }

    @Test
    void malformedReplyFailsWithEbadmsgAfterTheDumpEnded() {
        byte[] broken = new MessageBuilder(Rtm.NEWLINK, NlmF.MULTI).struct(IfInfoMsg.ofIndex(2)).u8(Ifla.MTU, 1)
                .toBytes(0, 0);
        StubNetlinkChannel channel = new StubNetlinkChannel((request, message) -> List.of(
                KernelReplies.datagram(withSeq(broken, request), link(request, 3, "mdnpt0", 0)),
                KernelReplies.done(request, 0)));
        Exchange exchange = new Exchange(channel);

        assertThatThrownBy(() -> exchange.dump("list links", LinkMessages.dump(), LinkParser::parse))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EBADMSG));
        channel.answerWith((request, message) -> List.of(KernelReplies.ack(request)));
        exchange.ack("set mdnpt0 up", LinkMessages.setUp("mdnpt0"));
    }

    @Test
    void closeClosesTheChannelAndLaterRequestsFail() {
        StubNetlinkChannel channel = StubNetlinkChannel.acknowledging();
        Exchange exchange = new Exchange(channel);

        exchange.close();

        assertThat(channel.isClosed()).isTrue();
        assertThatThrownBy(() -> exchange.ack("set mdnpt0 up", LinkMessages.setUp("mdnpt0")))
                .isInstanceOf(IllegalStateException.class);
    }

    private static byte[] link(NlMsgHeader request, int index, String name, int extraFlags) {
        return new MessageBuilder(Rtm.NEWLINK, NlmF.MULTI | extraFlags).struct(IfInfoMsg.ofIndex(index))
                .string(Ifla.IFNAME, name).toBytes(request.seq(), request.pid());
    }

    private static byte[] withSeq(byte[] message, NlMsgHeader request) {
        byte[] copy = message.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.nativeOrder()).putInt(8, request.seq()).putInt(12, request.pid());
        return copy;
    }
}
