package dev.mdnp.daemon.store;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The {@code pools} table: one row per pool the IPAM handed out, keyed by its pool id. Deleting a pool deletes its
 * allocations. Reached through {@link Transaction#pools()}; every method throws {@link StoreException}.
 */
public final class PoolsTable {

    private final Transaction tx;

    PoolsTable(Transaction tx) {
        this.tx = requireNonNull(tx, "tx");
    }

    /** Adds a pool. Throws {@link StoreException} with reason {@code CONFLICT} when the id is taken. */
    public void insert(PoolRow row) {
        String sql = """
                INSERT INTO pools (id, address_space, pool_cidr, sub_pool_cidr, v6, options_json)
                VALUES (?, ?, ?, ?, ?, ?)
                """;
        write("insert pool " + row.id(), sql, row);
    }

    /** Adds the pool, or replaces the row with the same id in place; its allocations stay. */
    public void upsert(PoolRow row) {
        String sql = """
                INSERT INTO pools (id, address_space, pool_cidr, sub_pool_cidr, v6, options_json)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET
                    address_space = excluded.address_space,
                    pool_cidr = excluded.pool_cidr,
                    sub_pool_cidr = excluded.sub_pool_cidr,
                    v6 = excluded.v6,
                    options_json = excluded.options_json
                """;
        write("upsert pool " + row.id(), sql, row);
    }

    /** Returns the pool with this id. */
    public Optional<PoolRow> get(String id) {
        String sql = """
                SELECT id, address_space, pool_cidr, sub_pool_cidr, v6, options_json
                FROM pools WHERE id = ?
                """;
        return tx.queryOne("get pool " + id, sql, PoolsTable::read, id);
    }

    /**
     * Returns every pool in the order they were inserted (by SQLite's rowid, which {@link #upsert} keeps): the full
     * load at start.
     */
    public List<PoolRow> list() {
        String sql = """
                SELECT id, address_space, pool_cidr, sub_pool_cidr, v6, options_json
                FROM pools ORDER BY rowid
                """;
        return tx.query("list pools", sql, PoolsTable::read);
    }

    /** Deletes the pool and its allocations; returns false when there was no such pool, which is no error. */
    public boolean delete(String id) {
        String sql = """
                DELETE FROM pools WHERE id = ?
                """;
        return tx.update("delete pool " + id, sql, id) > 0;
    }

    private void write(String action, String sql, PoolRow row) {
        tx.update(action, sql, row.id(), row.addressSpace(), row.poolCidr(), row.subPoolCidr(), row.v6(),
                row.optionsJson());
    }

    private static PoolRow read(ResultSet row) throws SQLException {
        return new PoolRow(row.getString("id"), row.getString("address_space"), row.getString("pool_cidr"),
                row.getString("sub_pool_cidr"), row.getInt("v6") != 0, row.getString("options_json"));
    }
}
