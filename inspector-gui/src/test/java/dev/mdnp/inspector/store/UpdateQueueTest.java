package dev.mdnp.inspector.store;

import static dev.mdnp.inspector.testsupport.CallBuilder.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdnp.inspector.client.FeedUpdate;
import dev.mdnp.model.client.ConnectionState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class UpdateQueueTest {

    @Test
    void drainsInOrderInBatchesOfAtMostMax() {
        UpdateQueue queue = new UpdateQueue(100);
        for (int seq = 1; seq <= 5; seq++) {
            queue.accept(new FeedUpdate.Request(call(seq, "NetworkDriver.Join").build()));
        }

        List<FeedUpdate> first = queue.drain(3);
        List<FeedUpdate> rest = queue.drain(3);

        assertThat(first).extracting(u -> ((FeedUpdate.Request) u).record().seq()).containsExactly(1L, 2L, 3L);
        assertThat(rest).extracting(u -> ((FeedUpdate.Request) u).record().seq()).containsExactly(4L, 5L);
        assertThat(queue.drain(3)).isEmpty();
        assertThat(queue.size()).isZero();
    }

    @Test
    void dropsCallsButNeverConnectionChangesWhenFull() {
        UpdateQueue queue = new UpdateQueue(2);
        queue.accept(new FeedUpdate.Request(call(1, "a").build()));
        queue.accept(new FeedUpdate.Request(call(2, "a").build()));
        queue.accept(new FeedUpdate.Request(call(3, "a").build()));
        queue.accept(new FeedUpdate.Connection(new ConnectionState.Connected(0)));

        assertThat(queue.dropped()).isEqualTo(1);
        assertThat(queue.drain(10)).hasSize(3).last().isInstanceOf(FeedUpdate.Connection.class);
    }

    @Test
    void losesNothingBetweenConcurrentProducersAndADrainer() throws Exception {
        UpdateQueue queue = new UpdateQueue(1_000_000);
        int perProducer = 20_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            Thread producer = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perProducer; i++) {
                    queue.accept(new FeedUpdate.Request(call(i, "a").build()));
                }
            });
            producer.start();
            producers.add(producer);
        }
        go.countDown();
        int drained = 0;
        while (producers.stream().anyMatch(Thread::isAlive) || queue.size() > 0) {
            drained += queue.drain(1000).size();
        }

        assertThat(drained).isEqualTo(4 * perProducer);
        assertThat(queue.dropped()).isZero();
    }

    @Test
    void refusesAZeroCapacity() {
        assertThatThrownBy(() -> new UpdateQueue(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
