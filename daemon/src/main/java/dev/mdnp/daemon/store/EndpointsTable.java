package dev.mdnp.daemon.store;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The {@code endpoints} table: one row per endpoint, keyed by Docker's id, belonging to a row of {@code networks}
 * and deleted with it; no two endpoints share a host interface name. Reached through
 * {@link Transaction#endpoints()}; every method throws {@link StoreException}.
 */
public final class EndpointsTable {

    private final Transaction tx;

    EndpointsTable(Transaction tx) {
        this.tx = requireNonNull(tx, "tx");
    }

    /**
     * Adds an endpoint. Throws {@link StoreException} with reason {@code MISSING_REFERENCE} when its network is not
     * in the store, and {@code CONFLICT} when the id or the host interface name is taken.
     */
    public void insert(EndpointRow row) {
        String sql = """
                INSERT INTO endpoints (id, network_id, host_if_name, container_if_name, mac, ipv4_address,
                                       ipv6_address, joined, sandbox_key, request_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """;
        write("insert endpoint " + Keys.shortId(row.id()), sql, row);
    }

    /**
     * Adds the endpoint, or replaces the row with the same id in place (at Join and Leave). Throws
     * {@link StoreException} like {@link #insert}.
     */
    public void upsert(EndpointRow row) {
        String sql = """
                INSERT INTO endpoints (id, network_id, host_if_name, container_if_name, mac, ipv4_address,
                                       ipv6_address, joined, sandbox_key, request_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET
                    network_id = excluded.network_id,
                    host_if_name = excluded.host_if_name,
                    container_if_name = excluded.container_if_name,
                    mac = excluded.mac,
                    ipv4_address = excluded.ipv4_address,
                    ipv6_address = excluded.ipv6_address,
                    joined = excluded.joined,
                    sandbox_key = excluded.sandbox_key,
                    request_json = excluded.request_json
                """;
        write("upsert endpoint " + Keys.shortId(row.id()), sql, row);
    }

    /** Returns the endpoint with this id. */
    public Optional<EndpointRow> get(String id) {
        String sql = """
                SELECT id, network_id, host_if_name, container_if_name, mac, ipv4_address, ipv6_address, joined,
                       sandbox_key, request_json
                FROM endpoints WHERE id = ?
                """;
        return tx.queryOne("get endpoint " + Keys.shortId(id), sql, EndpointsTable::read, id);
    }

    /** Returns every endpoint, ordered by network id, then by endpoint id: the full load at start. */
    public List<EndpointRow> list() {
        String sql = """
                SELECT id, network_id, host_if_name, container_if_name, mac, ipv4_address, ipv6_address, joined,
                       sandbox_key, request_json
                FROM endpoints ORDER BY network_id, id
                """;
        return tx.query("list endpoints", sql, EndpointsTable::read);
    }

    /** Returns the endpoints of one network, ordered by id; none when the network is unknown. */
    public List<EndpointRow> listByNetwork(String networkId) {
        String sql = """
                SELECT id, network_id, host_if_name, container_if_name, mac, ipv4_address, ipv6_address, joined,
                       sandbox_key, request_json
                FROM endpoints WHERE network_id = ? ORDER BY id
                """;
        return tx.query("list endpoints of network " + Keys.shortId(networkId), sql, EndpointsTable::read,
                networkId);
    }

    /**
     * Records the join state of the endpoint, leaving its other columns as they are: at Join {@code joined} true and
     * the sandbox key Docker sent, at Leave false and "". Returns false when there is no such endpoint, which the
     * caller decides about.
     */
    public boolean updateJoinState(String id, boolean joined, String sandboxKey) {
        requireNonNull(sandboxKey, "sandboxKey");
        String sql = """
                UPDATE endpoints SET joined = ?, sandbox_key = ? WHERE id = ?
                """;
        return tx.update("update join state of endpoint " + Keys.shortId(id), sql, joined, sandboxKey, id) > 0;
    }

    /**
     * Deletes the endpoint and its published ports; returns false when there was no such endpoint, which is no error.
     */
    public boolean delete(String id) {
        String sql = """
                DELETE FROM endpoints WHERE id = ?
                """;
        return tx.update("delete endpoint " + Keys.shortId(id), sql, id) > 0;
    }

    private void write(String action, String sql, EndpointRow row) {
        try {
            tx.update(action, sql, row.id(), row.networkId(), row.hostIfName(), row.containerIfName(), row.mac(),
                    row.ipv4Address(), row.ipv6Address(), row.joined(), row.sandboxKey(), row.requestJson());
        } catch (StoreException e) {
            throw explain(action, row, e);
        }
    }

    private StoreException explain(String action, EndpointRow row, StoreException e) {
        String why;
        if (e.reason() == StoreException.Reason.MISSING_REFERENCE) {
            why = "network " + Keys.shortId(row.networkId()) + " does not exist";
        } else if (e.reason() == StoreException.Reason.CONFLICT) {
            why = hostIfNameOwner(row).map(other -> "host interface " + row.hostIfName()
                            + " is already used by endpoint " + Keys.shortId(other))
                    .orElse("endpoint already exists");
        } else {
            return e;
        }
        return new StoreException(e.reason(), action + ": " + why, e);
    }

    private Optional<String> hostIfNameOwner(EndpointRow row) {
        String sql = """
                SELECT id FROM endpoints WHERE host_if_name = ? AND id <> ?
                """;
        return tx.queryOne("find endpoint of host interface " + row.hostIfName(), sql, r -> r.getString("id"),
                row.hostIfName(), row.id());
    }

    private static EndpointRow read(ResultSet row) throws SQLException {
        return new EndpointRow(row.getString("id"), row.getString("network_id"), row.getString("host_if_name"),
                row.getString("container_if_name"), row.getString("mac"), row.getString("ipv4_address"),
                row.getString("ipv6_address"), row.getInt("joined") != 0, row.getString("sandbox_key"),
                row.getString("request_json"));
    }
}
