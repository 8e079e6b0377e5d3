package dev.mdnp.daemon.store;

import static dev.mdnp.daemon.store.SampleRows.allocation;
import static dev.mdnp.daemon.store.SampleRows.pool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PoolsTableTest {

    @RegisterExtension
    final OpenStore open = new OpenStore();

    @Test
    void everyColumnSurvivesTheRoundTrip() {
        PoolRow row = new PoolRow("mdnp-local/fd00:7::/64/fd00:7::/80", "mdnp-local", "fd00:7::/64", "fd00:7::/80",
                true, "{\"v6\":\"true\"}");
        open.store().runInTransaction(tx -> tx.pools().insert(row));

        var read = open.store().inTransaction(tx -> tx.pools().get(row.id()));
        var all = open.store().inTransaction(tx -> tx.pools().list());

        assertThat(read).contains(row);
        assertThat(all).containsExactly(row);
    }

    @Test
    void theListIsInInsertionOrderWhichAnUpsertKeeps() {
        open.store().runInTransaction(tx -> {
            tx.pools().insert(pool("p-b"));
            tx.pools().insert(pool("p-c"));
            tx.pools().insert(pool("p-a"));
            tx.pools().insert(pool("p-d"));
        });
        open.store().runInTransaction(tx -> {
            tx.pools().upsert(new PoolRow("p-b", "mdnp-local", "10.8.0.0/24", "", false, "{}"));
            tx.pools().delete("p-d");
            tx.pools().insert(pool("p-0"));
        });

        var all = open.store().inTransaction(tx -> tx.pools().list());

        assertThat(all).extracting(PoolRow::id).containsExactly("p-b", "p-c", "p-a", "p-0");
        assertThat(all.get(0).poolCidr()).isEqualTo("10.8.0.0/24");
    }

    @Test
    void aTakenIdIsAConflict() {
        open.store().runInTransaction(tx -> tx.pools().insert(pool("p1")));

        assertThatThrownBy(() -> open.store().runInTransaction(tx -> tx.pools().insert(pool("p1"))))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("insert pool p1: ")
                .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(StoreException.Reason.CONFLICT));
    }

    @Test
    void upsertReplacesTheRowInPlaceAndKeepsItsAllocations() {
        open.store().runInTransaction(tx -> {
            tx.pools().insert(pool("p1"));
            tx.allocations().insert(allocation("p1", "10.7.0.2"));
        });
        PoolRow changed = new PoolRow("p1", "mdnp-local", "10.7.0.0/24", "10.7.0.128/25", false, "{\"x\":\"1\"}");

        open.store().runInTransaction(tx -> tx.pools().upsert(changed));

        var read = open.store().inTransaction(tx -> tx.pools().get("p1"));
        var allocations = open.store().inTransaction(tx -> tx.allocations().listByPool("p1"));
        assertThat(read).contains(changed);
        assertThat(allocations).hasSize(1);
    }

    @Test
    void deleteCascadesToTheAllocationsAndIsIdempotent() {
        open.store().runInTransaction(tx -> {
            tx.pools().insert(pool("p1"));
            tx.pools().insert(pool("p2"));
            tx.allocations().insert(allocation("p1", "10.7.0.2"));
            tx.allocations().insert(allocation("p1", "10.7.0.3"));
            tx.allocations().insert(allocation("p2", "10.7.0.2"));
        });

        boolean first = open.store().inTransaction(tx -> tx.pools().delete("p1"));
        boolean second = open.store().inTransaction(tx -> tx.pools().delete("p1"));

        var allocations = open.store().inTransaction(tx -> tx.allocations().list());
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(allocations).containsExactly(allocation("p2", "10.7.0.2"));
    }
}
