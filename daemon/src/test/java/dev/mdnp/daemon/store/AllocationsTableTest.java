package dev.mdnp.daemon.store;

import static dev.mdnp.daemon.store.SampleRows.allocation;
import static dev.mdnp.daemon.store.SampleRows.pool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AllocationsTableTest {

    @RegisterExtension
    final OpenStore open = new OpenStore();

    @BeforeEach
    void openStoreWithTwoPools() {
        open.store().runInTransaction(tx -> {
            tx.pools().insert(pool("p1"));
            tx.pools().insert(pool("p2"));
        });
    }

    @Test
    void anAllocationIsFoundByPoolAndAddress() {
        open.store().runInTransaction(tx -> tx.allocations().insert(new AllocationRow("p1", "fd00:7::1")));

        var read = open.store().inTransaction(tx -> tx.allocations().get("p1", "fd00:7::1"));
        var inOtherPool = open.store().inTransaction(tx -> tx.allocations().get("p2", "fd00:7::1"));

        assertThat(read).contains(new AllocationRow("p1", "fd00:7::1"));
        assertThat(inOtherPool).isEmpty();
    }

    @Test
    void allAllocationsAreListedByPoolThenAddressAndThoseOfOnePoolByAddress() {
        open.store().runInTransaction(tx -> {
            tx.allocations().insert(allocation("p2", "10.7.0.1"));
            tx.allocations().insert(allocation("p1", "10.7.0.9"));
            tx.allocations().insert(allocation("p1", "10.7.0.10"));
            tx.allocations().insert(allocation("p1", "10.7.0.1"));
        });

        var all = open.store().inTransaction(tx -> tx.allocations().list());
        var ofP1 = open.store().inTransaction(tx -> tx.allocations().listByPool("p1"));
        var ofUnknown = open.store().inTransaction(tx -> tx.allocations().listByPool("p9"));

        assertThat(all).containsExactly(allocation("p1", "10.7.0.1"), allocation("p1", "10.7.0.10"),
                allocation("p1", "10.7.0.9"), allocation("p2", "10.7.0.1"));
        assertThat(ofP1).extracting(AllocationRow::address).containsExactly("10.7.0.1", "10.7.0.10", "10.7.0.9");
        assertThat(ofUnknown).isEmpty();
    }

    @Test
    void theSameAddressMayBeTakenInTwoPoolsButNotTwiceInOne() {
        open.store().runInTransaction(tx -> {
            tx.allocations().insert(allocation("p1", "10.7.0.2"));
            tx.allocations().insert(allocation("p2", "10.7.0.2"));
        });

        assertThatThrownBy(() -> open.store().runInTransaction(tx -> tx.allocations().insert(allocation("p1", "10.7.0.2"))))
                .isInstanceOf(StoreException.class)
                .hasMessage("allocate 10.7.0.2 in pool p1: address already allocated")
                .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(StoreException.Reason.CONFLICT));
    }

    @Test
    void anAllocationInAnUnknownPoolIsAMissingReference() {
        assertThatThrownBy(() -> open.store().runInTransaction(tx -> tx.allocations().insert(allocation("p9", "10.7.0.2"))))
                .isInstanceOf(StoreException.class)
                .hasMessage("allocate 10.7.0.2 in pool p9: pool p9 does not exist")
                .satisfies(e -> assertThat(((StoreException) e).reason())
                        .isEqualTo(StoreException.Reason.MISSING_REFERENCE));
    }

    @Test
    void countAndListAreByPool() {
        open.store().runInTransaction(tx -> {
            for (int i = 2; i < 102; i++) {
                tx.allocations().insert(allocation("p1", "10.7.0." + i));
            }
            tx.allocations().insert(allocation("p2", "10.7.0.2"));
        });

        long inP1 = open.store().inTransaction(tx -> tx.allocations().countByPool("p1"));
        long inUnknown = open.store().inTransaction(tx -> tx.allocations().countByPool("p9"));
        var all = open.store().inTransaction(tx -> tx.allocations().list());

        assertThat(inP1).isEqualTo(100);
        assertThat(inUnknown).isZero();
        assertThat(all).hasSize(101);
    }

    @Test
    void releaseIsIdempotent() {
        open.store().runInTransaction(tx -> tx.allocations().insert(allocation("p1", "10.7.0.2")));

        boolean first = open.store().inTransaction(tx -> tx.allocations().delete("p1", "10.7.0.2"));
        boolean second = open.store().inTransaction(tx -> tx.allocations().delete("p1", "10.7.0.2"));

        var missing = open.store().inTransaction(tx -> tx.allocations().get("p1", "10.7.0.2"));
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(missing).isEmpty();
    }
}
