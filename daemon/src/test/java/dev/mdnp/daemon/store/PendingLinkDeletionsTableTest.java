package dev.mdnp.daemon.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PendingLinkDeletionsTableTest {

    @TempDir
    Path temp;

    private Store store;

    @BeforeEach
    void openStore() {
        store = Store.open(temp.resolve("state"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void queuedLinksAreListedOldestFirst() {
        store.runInTransaction(tx -> {
            tx.pendingLinkDeletions().add(new PendingLinkDeletionRow("veth-b", Instant.ofEpochMilli(20)));
            tx.pendingLinkDeletions().add(new PendingLinkDeletionRow("veth-a", Instant.ofEpochMilli(30)));
            tx.pendingLinkDeletions().add(new PendingLinkDeletionRow("veth-c", Instant.ofEpochMilli(10)));
        });

        var queued = store.inTransaction(tx -> tx.pendingLinkDeletions().list());

        assertThat(queued).extracting(PendingLinkDeletionRow::linkName).containsExactly("veth-c", "veth-b", "veth-a");
    }

    @Test
    void queuingTwiceKeepsTheFirstTime() {
        boolean first = store.inTransaction(tx -> tx.pendingLinkDeletions()
                .add(new PendingLinkDeletionRow("veth-a", Instant.ofEpochMilli(10))));
        boolean second = store.inTransaction(tx -> tx.pendingLinkDeletions()
                .add(new PendingLinkDeletionRow("veth-a", Instant.ofEpochMilli(99))));

        var queued = store.inTransaction(tx -> tx.pendingLinkDeletions().list());

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(queued).containsExactly(new PendingLinkDeletionRow("veth-a", Instant.ofEpochMilli(10)));
    }

    @Test
    void deleteIsIdempotent() {
        store.runInTransaction(tx -> tx.pendingLinkDeletions()
                .add(new PendingLinkDeletionRow("veth-a", Instant.EPOCH)));

        boolean first = store.inTransaction(tx -> tx.pendingLinkDeletions().delete("veth-a"));
        boolean second = store.inTransaction(tx -> tx.pendingLinkDeletions().delete("veth-a"));

        var queued = store.inTransaction(tx -> tx.pendingLinkDeletions().list());
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(queued).isEmpty();
    }
}
