package dev.mdnp.daemon.store;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The {@code allocations} table: the taken addresses of each pool, keyed by pool id and address, deleted with their
 * pool. Reached through {@link Transaction#allocations()}; every method throws {@link StoreException}.
 */
public final class AllocationsTable {

    private final Transaction tx;

    AllocationsTable(Transaction tx) {
        this.tx = requireNonNull(tx, "tx");
    }

    /**
     * Takes an address. Throws {@link StoreException} with reason {@code CONFLICT} when the address is already
     * taken, and {@code MISSING_REFERENCE} when the pool is not in the store.
     */
    public void insert(AllocationRow row) {
        String sql = """
                INSERT INTO allocations (pool_id, address) VALUES (?, ?)
                """;
        String action = "allocate " + row.address() + " in pool " + row.poolId();
        try {
            tx.update(action, sql, row.poolId(), row.address());
        } catch (StoreException e) {
            throw explain(action, row, e);
        }
    }

    /** Returns the allocation of this address in this pool. */
    public Optional<AllocationRow> get(String poolId, String address) {
        String sql = """
                SELECT pool_id, address FROM allocations WHERE pool_id = ? AND address = ?
                """;
        return tx.queryOne("get allocation " + address + " in pool " + poolId, sql, AllocationsTable::read,
                poolId, address);
    }

    /**
     * Returns every allocation, ordered by pool id, then by address text (not numerically): the full load at start.
     */
    public List<AllocationRow> list() {
        String sql = """
                SELECT pool_id, address FROM allocations ORDER BY pool_id, address
                """;
        return tx.query("list allocations", sql, AllocationsTable::read);
    }

    /** Returns the allocations of one pool, ordered by address text (not numerically); none for an unknown pool. */
    public List<AllocationRow> listByPool(String poolId) {
        String sql = """
                SELECT pool_id, address FROM allocations WHERE pool_id = ? ORDER BY address
                """;
        return tx.query("list allocations of pool " + poolId, sql, AllocationsTable::read, poolId);
    }

    /** Returns how many addresses of the pool are taken. */
    public long countByPool(String poolId) {
        String sql = """
                SELECT count(*) FROM allocations WHERE pool_id = ?
                """;
        return tx.queryOne("count allocations of pool " + poolId, sql, r -> r.getLong(1), poolId).orElse(0L);
    }

    /** Releases an address; returns false when it was not taken, which is no error. */
    public boolean delete(String poolId, String address) {
        String sql = """
                DELETE FROM allocations WHERE pool_id = ? AND address = ?
                """;
        return tx.update("release " + address + " in pool " + poolId, sql, poolId, address) > 0;
    }

    private static StoreException explain(String action, AllocationRow row, StoreException e) {
        String why;
        if (e.reason() == StoreException.Reason.MISSING_REFERENCE) {
            why = "pool " + row.poolId() + " does not exist";
        } else if (e.reason() == StoreException.Reason.CONFLICT) {
            why = "address already allocated";
        } else {
            return e;
        }
        return new StoreException(e.reason(), action + ": " + why, e);
    }

    private static AllocationRow read(ResultSet row) throws SQLException {
        return new AllocationRow(row.getString("pool_id"), row.getString("address"));
    }
}
