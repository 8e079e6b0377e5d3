package dev.mdnp.daemon.store;

import static dev.mdnp.daemon.store.SampleRows.endpoint;
import static dev.mdnp.daemon.store.SampleRows.network;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StoreTransactionTest {

    @RegisterExtension
    final OpenStore open = new OpenStore();

    @Test
    void theWorksResultIsReturnedAfterTheCommit() {
        String id = open.store().inTransaction(tx -> {
            tx.networks().insert(network("n1", "br1"));
            return "n1";
        });

        var networks = open.store().inTransaction(tx -> tx.networks().list());

        assertThat(id).isEqualTo("n1");
        assertThat(networks).containsExactly(network("n1", "br1"));
    }

    @Test
    void aFailedTransactionLeavesNoTraceAndRethrowsTheSameException() {
        IllegalStateException failure = new IllegalStateException("kernel said no");

        assertThatThrownBy(() -> open.store().runInTransaction(tx -> {
            tx.networks().insert(network("n1", "br1"));
            tx.endpoints().insert(endpoint("e1", "n1", "veth1"));
            throw failure;
        })).isSameAs(failure);

        var left = open.store().inTransaction(tx -> List.of(tx.networks().list(), tx.endpoints().list()));
        assertThat(left).allSatisfy(rows -> assertThat(rows).isEmpty());
    }

    @Test
    void aStatementThatFailsLateUndoesTheEarlierOnes() {
        open.store().runInTransaction(tx -> tx.networks().insert(network("n1", "br1")));

        assertThatThrownBy(() -> open.store().runInTransaction(tx -> {
            tx.networks().insert(network("n2", "br2"));
            tx.networks().insert(network("n3", "br1"));
        })).isInstanceOf(StoreException.class);

        var networks = open.store().inTransaction(tx -> tx.networks().list());
        assertThat(networks).containsExactly(network("n1", "br1"));
    }

    @Test
    void aCaughtFailureUndoesOnlyItsStatement() {
        open.store().runInTransaction(tx -> {
            tx.networks().insert(network("n1", "br1"));
            assertThatThrownBy(() -> tx.networks().insert(network("n2", "br1"))).isInstanceOf(StoreException.class);
            tx.networks().insert(network("n3", "br3"));
        });

        var networks = open.store().inTransaction(tx -> tx.networks().list());
        assertThat(networks).extracting(NetworkRow::id).containsExactly("n1", "n3");
    }

    @Test
    void aNestedTransactionIsRefused() {
        assertThatThrownBy(() -> open.store().runInTransaction(tx -> open.store().runInTransaction(inner -> inner.networks().list())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nested transaction");
    }

    @Test
    void aTransactionCannotBeUsedAfterItsWorkReturned() {
        Transaction escaped = open.store().inTransaction(tx -> tx);

        assertThatThrownBy(() -> escaped.networks().list())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after its work returned");
    }

    @Test
    void aTransactionCannotBeUsedFromAnotherThread() throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        open.store().runInTransaction(tx -> {
            Thread other = new Thread(() -> {
                try {
                    tx.networks().list();
                } catch (IllegalStateException e) {
                    thrown.set(e);
                }
            });
            other.start();
            join(other);
        });

        assertThat(thrown.get()).hasMessageContaining("belongs to");
    }

    @Test
    void concurrentTransactionsFromManyThreadsAllLand() throws Exception {
        int threads = 16;
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        String id = "net-" + thread + "-" + i;
                        open.store().runInTransaction(tx -> tx.networks()
                                .insert(new NetworkRow(id, "br-" + id, "{}", Instant.EPOCH)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        var networks = open.store().inTransaction(tx -> tx.networks().list());
        assertThat(networks).hasSize(threads * perThread);
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
