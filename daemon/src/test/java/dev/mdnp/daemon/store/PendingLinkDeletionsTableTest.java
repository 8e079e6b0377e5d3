package dev.mdnp.daemon.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PendingLinkDeletionsTableTest {

    @RegisterExtension
    final OpenStore open = new OpenStore();

    @Test
    void queuedLinksAreListedOldestFirst() {
        open.store().runInTransaction(tx -> {
            tx.pendingLinkDeletions().add(new PendingLinkDeletionRow("veth-b", Instant.ofEpochMilli(20)));
            tx.pendingLinkDeletions().add(new PendingLinkDeletionRow("veth-a", Instant.ofEpochMilli(30)));
            tx.pendingLinkDeletions().add(new PendingLinkDeletionRow("veth-c", Instant.ofEpochMilli(10)));
        });

        var queued = open.store().inTransaction(tx -> tx.pendingLinkDeletions().list());

        assertThat(queued).extracting(PendingLinkDeletionRow::linkName).containsExactly("veth-c", "veth-b", "veth-a");
    }

    @Test
    void queuingTwiceKeepsTheFirstTime() {
        boolean first = open.store().inTransaction(tx -> tx.pendingLinkDeletions()
                .add(new PendingLinkDeletionRow("veth-a", Instant.ofEpochMilli(10))));
        boolean second = open.store().inTransaction(tx -> tx.pendingLinkDeletions()
                .add(new PendingLinkDeletionRow("veth-a", Instant.ofEpochMilli(99))));

        var queued = open.store().inTransaction(tx -> tx.pendingLinkDeletions().list());

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(queued).containsExactly(new PendingLinkDeletionRow("veth-a", Instant.ofEpochMilli(10)));
    }

    @Test
    void deleteIsIdempotent() {
        open.store().runInTransaction(tx -> tx.pendingLinkDeletions()
                .add(new PendingLinkDeletionRow("veth-a", Instant.EPOCH)));

        boolean first = open.store().inTransaction(tx -> tx.pendingLinkDeletions().delete("veth-a"));
        boolean second = open.store().inTransaction(tx -> tx.pendingLinkDeletions().delete("veth-a"));

        var queued = open.store().inTransaction(tx -> tx.pendingLinkDeletions().list());
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(queued).isEmpty();
    }
}
