package dev.mdnp.daemon.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.mdnp.daemon.netlink.testsupport.PrivateNetns;
import dev.mdnp.daemon.netlink.testsupport.PrivateNetnsExtension;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Link events from a monitor in a private namespace. */
@Tag("kernel")
class LinkMonitorKernelTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final PrivateNetnsExtension namespace = new PrivateNetnsExtension();
    private PrivateNetns netns;
    private LinkMonitor monitor;

    @BeforeEach
    void openNamespace() throws Exception {
        netns = namespace.get();
    }

    @AfterEach
    void closeMonitor() throws Exception {
        if (monitor != null) {
            monitor.close();
        }
    }

    @Test
    void createAndDeleteAreReported() throws Exception {
        RecordingLinkListener listener = new RecordingLinkListener();
        monitor = netns.inside(() -> netns.rtnl().monitorLinks(listener));

        netns.rtnl().links().createBridge("mdnptbr0");
        await().atMost(WAIT).until(() -> listener.saw(LinkEvent.Kind.NEW, "mdnptbr0"));
        netns.rtnl().links().delete("mdnptbr0");
        await().atMost(WAIT).until(() -> listener.saw(LinkEvent.Kind.DELETED, "mdnptbr0"));

        assertThat(listener.events()).filteredOn(event -> event.link().name().equals("mdnptbr0"))
                .allSatisfy(event -> assertThat(event.link()).isInstanceOf(BridgeLink.class));
        assertThat(listener.lostSignals()).isZero();
    }

    @Test
    void changesAreReportedAsNewWithTheLinkAfterTheChange() throws Exception {
        netns.rtnl().links().createVeth(VethPair.of("mdnpth0", "mdnptc0"));
        RecordingLinkListener listener = new RecordingLinkListener();
        monitor = netns.inside(() -> netns.rtnl().monitorLinks(listener));

        netns.rtnl().links().setMtu("mdnpth0", 1400);

        await().atMost(WAIT).until(() -> listener.events().stream()
                .anyMatch(event -> event.link().name().equals("mdnpth0") && event.link().mtu() == 1400));
        assertThat(listener.events()).allSatisfy(event -> assertThat(event.kind()).isEqualTo(LinkEvent.Kind.NEW));
    }

    @Test
    void monitorOpenedOnAThreadOfAnotherNamespaceIsRefused() {
        assertThatThrownBy(() -> netns.rtnl().monitorLinks(new RecordingLinkListener()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be opened on a thread in it");
    }

    @Test
    void overflowOfTheSocketBufferSignalsEventsLost() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecordingLinkListener listener = new RecordingLinkListener() {
            @Override
            public void onLinkEvent(LinkEvent event) {
                super.onLinkEvent(event);
                awaitQuietly(release); // a slow listener: the socket is not read meanwhile
            }
        };
        monitor = netns.inside(() -> netns.rtnl().monitorLinks(listener, 4096));

        for (int i = 0; i < 100; i++) {
            netns.rtnl().links().createBridge("mdnptbr" + i);
        }
        release.countDown();

        await().atMost(WAIT).until(() -> listener.lostSignals() > 0);
        assertThat(monitor.isRunning()).as("the monitor reads on after ENOBUFS").isTrue();
        netns.rtnl().links().createBridge("mdnptafter");
        await().atMost(WAIT).until(() -> listener.saw(LinkEvent.Kind.NEW, "mdnptafter"));
    }

    @Test
    void aFailingListenerDoesNotStopTheMonitor() throws Exception {
        RecordingLinkListener listener = new RecordingLinkListener() {
            @Override
            public void onLinkEvent(LinkEvent event) {
                super.onLinkEvent(event);
                throw new IllegalStateException("listener bug");
            }
        };
        monitor = netns.inside(() -> netns.rtnl().monitorLinks(listener));

        netns.rtnl().links().createBridge("mdnptbr0");
        netns.rtnl().links().createBridge("mdnptbr1");

        await().atMost(WAIT).until(() -> listener.saw(LinkEvent.Kind.NEW, "mdnptbr1"));
        assertThat(monitor.isRunning()).isTrue();
    }

    @Test
    void closeFromTheListenerStopsTheMonitor() throws Exception {
        LinkMonitor[] self = new LinkMonitor[1];
        RecordingLinkListener listener = new RecordingLinkListener() {
            @Override
            public void onLinkEvent(LinkEvent event) {
                super.onLinkEvent(event);
                self[0].close();
            }
        };
        monitor = netns.inside(() -> netns.rtnl().monitorLinks(listener));
        self[0] = monitor;

        netns.rtnl().links().createBridge("mdnptbr0");

        await().atMost(WAIT).until(() -> !monitor.isRunning());
    }

    @Test
    void closeStopsTheThread() throws Exception {
        monitor = netns.inside(() -> netns.rtnl().monitorLinks(new RecordingLinkListener()));

        monitor.close();

        assertThat(monitor.isRunning()).isFalse();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
