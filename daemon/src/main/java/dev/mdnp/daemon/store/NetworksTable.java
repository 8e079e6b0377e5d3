package dev.mdnp.daemon.store;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code networks} table: one row per network, keyed by Docker's id, with a bridge name no other network has.
 * Deleting a network deletes its endpoints. Reached through {@link Transaction#networks()}; every method throws
 * {@link StoreException}.
 */
public final class NetworksTable {

    private final Transaction tx;

    NetworksTable(Transaction tx) {
        this.tx = requireNonNull(tx, "tx");
    }

    /**
     * Adds a network. Throws {@link StoreException} with reason {@code CONFLICT} when the id, or the bridge name,
     * is taken; the message names the network that has the bridge.
     */
    public void insert(NetworkRow row) {
        String sql = """
                INSERT INTO networks (id, bridge, request_json, created_at)
                VALUES (?, ?, ?, ?)
                """;
        String action = "insert network " + Keys.shortId(row.id());
        try {
            tx.update(action, sql, row.id(), row.bridge(), row.requestJson(), row.createdAt().toEpochMilli());
        } catch (StoreException e) {
            throw explainConflict(action, row, e);
        }
    }

    /**
     * Adds the network, or replaces the row with the same id in place; its endpoints stay. Throws
     * {@link StoreException} with reason {@code CONFLICT} when another network has the bridge name.
     */
    public void upsert(NetworkRow row) {
        String sql = """
                INSERT INTO networks (id, bridge, request_json, created_at)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET
                    bridge = excluded.bridge,
                    request_json = excluded.request_json,
                    created_at = excluded.created_at
                """;
        String action = "upsert network " + Keys.shortId(row.id());
        try {
            tx.update(action, sql, row.id(), row.bridge(), row.requestJson(), row.createdAt().toEpochMilli());
        } catch (StoreException e) {
            throw explainConflict(action, row, e);
        }
    }

    /** Returns the network with this id. */
    public Optional<NetworkRow> get(String id) {
        String sql = """
                SELECT id, bridge, request_json, created_at FROM networks WHERE id = ?
                """;
        return tx.queryOne("get network " + Keys.shortId(id), sql, NetworksTable::read, id);
    }

    /** Returns the network whose bridge has this name. */
    public Optional<NetworkRow> getByBridge(String bridge) {
        String sql = """
                SELECT id, bridge, request_json, created_at FROM networks WHERE bridge = ?
                """;
        return tx.queryOne("get network of bridge " + bridge, sql, NetworksTable::read, bridge);
    }

    /** Returns every network, oldest first (by creation time, then by id): the full load at start. */
    public List<NetworkRow> list() {
        String sql = """
                SELECT id, bridge, request_json, created_at FROM networks ORDER BY created_at, id
                """;
        return tx.query("list networks", sql, NetworksTable::read);
    }

    /**
     * Deletes the network, its endpoints and their published ports; returns false when there was no such network,
     * which is no error.
     */
    public boolean delete(String id) {
        String sql = """
                DELETE FROM networks WHERE id = ?
                """;
        return tx.update("delete network " + Keys.shortId(id), sql, id) > 0;
    }

    private StoreException explainConflict(String action, NetworkRow row, StoreException e) {
        if (e.reason() != StoreException.Reason.CONFLICT) {
            return e;
        }
        Optional<NetworkRow> owner = getByBridge(row.bridge()).filter(other -> !other.id().equals(row.id()));
        String why = owner.map(other -> "bridge " + row.bridge() + " is already used by network "
                        + Keys.shortId(other.id()))
                .orElse("network already exists");
        return new StoreException(StoreException.Reason.CONFLICT, action + ": " + why, e);
    }

    private static NetworkRow read(ResultSet row) throws SQLException {
        return new NetworkRow(row.getString("id"), row.getString("bridge"), row.getString("request_json"),
                Instant.ofEpochMilli(row.getLong("created_at")));
    }
}
