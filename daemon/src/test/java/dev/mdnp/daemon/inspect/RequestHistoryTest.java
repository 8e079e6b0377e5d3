package dev.mdnp.daemon.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.model.inspect.InspectEvent;
import dev.mdnp.model.inspect.RequestRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestHistoryTest {

    @Test
    void recordsAreNumberedInTheOrderTheyFinishWhateverSeqTheyCarried() {
        RequestHistory history = new RequestHistory(10);
        history.recorded(Records.call());
        history.recorded(new RequestRecord(77, Records.START, "NetworkDriver.Join", "", "", 200, "", "", "", 1,
                Records.call().phases(), List.of()));

        assertThat(history.after(0, 10)).extracting(RequestRecord::seq).containsExactly(1L, 2L);
        assertThat(history.lastSeq()).isEqualTo(2);
    }

    @Test
    void theRingKeepsTheLastCallsAndAfterSkipsTheOnesItLost() {
        RequestHistory history = new RequestHistory(3);
        for (int i = 0; i < 10; i++) {
            history.recorded(Records.call());
        }

        assertThat(history.after(0, 100)).extracting(RequestRecord::seq).containsExactly(8L, 9L, 10L);
        assertThat(history.after(8, 1)).extracting(RequestRecord::seq).containsExactly(9L);
        assertThat(history.after(10, 5)).isEmpty();
        assertThat(history.latest(2)).extracting(RequestRecord::seq).containsExactly(9L, 10L);
        assertThat(history.latest(50)).extracting(RequestRecord::seq).containsExactly(8L, 9L, 10L);
    }

    @Test
    void everyCallIsPublishedAsAnEventInTheSameOrder() {
        EventLog events = new EventLog(100);
        RequestHistory history = new RequestHistory(10, events);
        events.publish(seq -> new InspectEvent.StateChange(seq, "network-created", "n"));
        history.recorded(Records.call());
        history.recorded(Records.call());

        List<InspectEvent> published = events.after(0, 10);
        assertThat(published).extracting(InspectEvent::seq).containsExactly(1L, 2L, 3L);
        assertThat(published.subList(1, 3)).allSatisfy(event -> assertThat(event).isInstanceOf(
                InspectEvent.Request.class));
        assertThat(((InspectEvent.Request) published.get(2)).record().seq()).isEqualTo(2);
    }

    @Test
    void callsFromManyThreadsAreNumberedWithoutGapsAndPublishedInNumberOrder() throws Exception {
        RequestHistory history = new RequestHistory(10_000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 4_000; i++) {
            pool.execute(() -> history.recorded(Records.call()));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        List<Long> recordSeqs = new ArrayList<>();
        for (InspectEvent event : history.events().after(0, 10_000)) {
            recordSeqs.add(((InspectEvent.Request) event).record().seq());
        }
        assertThat(recordSeqs).hasSize(4_000).isSorted().doesNotHaveDuplicates();
        assertThat(recordSeqs.get(3_999)).isEqualTo(4_000);
    }

    @Test
    void aFailingTapNeitherFailsTheCallNorStopsTheOthers() {
        RequestHistory history = new RequestHistory(10);
        List<Long> seen = new ArrayList<>();
        history.tap(record -> {
            throw new IllegalStateException("broken observer");
        });
        history.tap(record -> seen.add(record.seq()));

        history.recorded(Records.call());

        assertThat(seen).containsExactly(1L);
        assertThat(history.lastSeq()).isEqualTo(1);
    }

    @Test
    void aClosedTapGetsNoMoreCalls() {
        RequestHistory history = new RequestHistory(10);
        List<Long> seen = new ArrayList<>();
        RequestHistory.Tap tap = history.tap(record -> seen.add(record.seq()));
        history.recorded(Records.call());
        tap.close();
        history.recorded(Records.call());

        assertThat(seen).containsExactly(1L);
    }

    @Test
    void anObserverGetsTheNumberedCallOutsideTheLockAndAfterTheTaps() {
        RequestHistory history = new RequestHistory(10);
        List<String> order = new ArrayList<>();
        List<Long> seenFromAnotherThread = new ArrayList<>();
        history.observe(record -> {
            order.add("observer " + record.seq());
            // Under the history's lock, this read from another thread would wait until the call returned.
            CompletableFuture<Long> read = CompletableFuture.supplyAsync(history::lastSeq);
            seenFromAnotherThread.add(read.orTimeout(10, TimeUnit.SECONDS).join());
        });
        history.tap(record -> order.add("tap " + record.seq()));

        history.recorded(Records.call());

        assertThat(order).containsExactly("tap 1", "observer 1");
        assertThat(seenFromAnotherThread).containsExactly(1L);
    }

    @Test
    void aFailingObserverDoesNotFailTheCallAndAClosedOneGetsNoMoreCalls() {
        RequestHistory history = new RequestHistory(10);
        List<Long> seen = new ArrayList<>();
        history.observe(record -> {
            throw new IllegalStateException("broken observer");
        });
        RequestHistory.Tap observer = history.observe(record -> seen.add(record.seq()));

        history.recorded(Records.call());
        observer.close();
        history.recorded(Records.call());

        assertThat(seen).containsExactly(1L);
        assertThat(history.lastSeq()).isEqualTo(2);
    }
}
