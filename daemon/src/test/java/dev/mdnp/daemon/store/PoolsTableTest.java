package dev.mdnp.daemon.store;

import static dev.mdnp.daemon.store.SampleRows.allocation;
import static dev.mdnp.daemon.store.SampleRows.pool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoolsTableTest {

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
    void everyColumnSurvivesTheRoundTrip() {
        PoolRow row = new PoolRow("mdnp-local/fd00:7::/64/fd00:7::/80", "mdnp-local", "fd00:7::/64", "fd00:7::/80",
                true, "{\"v6\":\"true\"}", "{\"com.docker.network.gateway\":\"fd00:7::1/64\"}");
        store.runInTransaction(tx -> tx.pools().insert(row));

        var read = store.inTransaction(tx -> tx.pools().get(row.id()));
        var all = store.inTransaction(tx -> tx.pools().list());

        assertThat(read).contains(row);
        assertThat(all).containsExactly(row);
    }

    @Test
    void aTakenIdIsAConflict() {
        store.runInTransaction(tx -> tx.pools().insert(pool("p1")));

        assertThatThrownBy(() -> store.runInTransaction(tx -> tx.pools().insert(pool("p1"))))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("insert pool p1: ")
                .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(StoreException.Reason.CONFLICT));
    }

    @Test
    void upsertReplacesTheRowInPlaceAndKeepsItsAllocations() {
        store.runInTransaction(tx -> {
            tx.pools().insert(pool("p1"));
            tx.allocations().insert(allocation("p1", "10.7.0.2"));
        });
        PoolRow changed = new PoolRow("p1", "mdnp-local", "10.7.0.0/24", "10.7.0.128/25", false, "{}", "{\"x\":1}");

        store.runInTransaction(tx -> tx.pools().upsert(changed));

        var read = store.inTransaction(tx -> tx.pools().get("p1"));
        var allocations = store.inTransaction(tx -> tx.allocations().listByPool("p1"));
        assertThat(read).contains(changed);
        assertThat(allocations).hasSize(1);
    }

    @Test
    void deleteCascadesToTheAllocationsAndIsIdempotent() {
        store.runInTransaction(tx -> {
            tx.pools().insert(pool("p1"));
            tx.pools().insert(pool("p2"));
            tx.allocations().insert(allocation("p1", "10.7.0.2"));
            tx.allocations().insert(allocation("p1", "10.7.0.3"));
            tx.allocations().insert(allocation("p2", "10.7.0.2"));
        });

        boolean first = store.inTransaction(tx -> tx.pools().delete("p1"));
        boolean second = store.inTransaction(tx -> tx.pools().delete("p1"));

        var allocations = store.inTransaction(tx -> tx.allocations().list());
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(allocations).containsExactly(allocation("p2", "10.7.0.2"));
    }
}
