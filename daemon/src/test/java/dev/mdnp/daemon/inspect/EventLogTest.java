package dev.mdnp.daemon.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.mdnp.model.inspect.InspectEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class EventLogTest {

    private static InspectEvent state(long seq) {
        return new InspectEvent.StateChange(seq, "network-created", "n" + seq);
    }

    @Test
    void eventsAreNumberedFromOneInPublishingOrder() {
        EventLog log = new EventLog(10);
        for (int i = 0; i < 5; i++) {
            log.publish(EventLogTest::state);
        }

        assertThat(log.after(0, 100)).extracting(InspectEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(log.after(3, 100)).extracting(InspectEvent::seq).containsExactly(4L, 5L);
        assertThat(log.after(1, 2)).extracting(InspectEvent::seq).containsExactly(2L, 3L);
        assertThat(log.after(5, 100)).isEmpty();
    }

    @Test
    void aReaderBehindTheRingIsToldWhatIsLostAndGoesOnFromTheOldestKept() {
        EventLog log = new EventLog(3);
        for (int i = 0; i < 10; i++) {
            log.publish(EventLogTest::state);
        }

        List<InspectEvent> read = log.after(2, 100);

        assertThat(read.get(0)).isEqualTo(new InspectEvent.Lost(7, 8));
        assertThat(read.subList(1, read.size())).extracting(InspectEvent::seq).containsExactly(8L, 9L, 10L);
        assertThat(log.dropped()).isEqualTo(5);
        assertThat(log.firstKept()).isEqualTo(8);
    }

    @Test
    void aCursorFromAnEarlierRunIsToldToReloadWithoutCountingADrop() {
        EventLog log = new EventLog(3);
        log.publish(EventLogTest::state);

        assertThat(log.after(500, 10)).containsExactly(new InspectEvent.Lost(0, 1), state(1));
        assertThat(log.dropped()).isZero();
    }

    @Test
    void anEventMustCarryTheNumberItWasGiven() {
        EventLog log = new EventLog(3);

        assertThatIllegalArgumentException().isThrownBy(() -> log.publish(seq -> state(seq + 1)));
        assertThat(log.lastSeq()).isZero();
    }

    @Test
    @Timeout(30)
    void aWaitingReaderWakesOnTheNextEvent() throws Exception {
        EventLog log = new EventLog(3);
        CountDownLatch waiting = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            waiting.countDown();
            try {
                assertThat(log.await(0, 10, Duration.ofMinutes(5))).extracting(InspectEvent::seq).containsExactly(1L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        reader.start();
        waiting.await();
        log.publish(EventLogTest::state);
        reader.join(TimeUnit.SECONDS.toMillis(25));
        assertThat(reader.isAlive()).isFalse();
    }

    @Test
    void publishingNeverWaitsForAReaderThatDoesNotRead() {
        EventLog log = new EventLog(4);
        // Nobody reads: publishing far past the capacity still returns every time.
        for (int i = 0; i < 100_000; i++) {
            log.publish(EventLogTest::state);
        }
        assertThat(log.lastSeq()).isEqualTo(100_000);
        assertThat(log.after(99_996, 10)).extracting(InspectEvent::seq).containsExactly(99_997L, 99_998L, 99_999L,
                100_000L);
    }

    @Property(tries = 200)
    void aReaderThatFollowsSeesEveryKeptEventOnceInOrder(@ForAll @IntRange(min = 1, max = 20) int capacity,
            @ForAll @IntRange(min = 0, max = 100) int published, @ForAll @IntRange(min = 1, max = 7) int batch) {
        EventLog log = new EventLog(capacity);
        for (int i = 0; i < published; i++) {
            log.publish(EventLogTest::state);
        }
        long cursor = 0;
        List<Long> seen = new ArrayList<>();
        for (List<InspectEvent> read = log.after(cursor, batch); !read.isEmpty(); read = log.after(cursor, batch)) {
            for (InspectEvent event : read) {
                if (!(event instanceof InspectEvent.Lost)) {
                    seen.add(event.seq());
                }
                cursor = event.seq();
            }
        }
        long first = Math.max(1, published - capacity + 1);
        assertThat(seen).containsExactlyElementsOf(
                LongStream.rangeClosed(first, published).boxed().toList());
        assertThat(log.dropped()).isZero();
    }

    @Test
    void aReaderAskingForEverythingKeptGetsTheOldestKeptWithoutALossNotice() {
        EventLog log = new EventLog(3);
        for (int i = 0; i < 10; i++) {
            log.publish(EventLogTest::state);
        }

        assertThat(log.after(0, 100)).extracting(InspectEvent::seq).containsExactly(8L, 9L, 10L);
        assertThat(log.dropped()).isZero();
    }
}
