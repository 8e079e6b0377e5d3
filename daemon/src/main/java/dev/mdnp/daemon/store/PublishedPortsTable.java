package dev.mdnp.daemon.store;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The {@code published_ports} table: the ports published for each endpoint, keyed by endpoint id and position,
 * deleted with their endpoint (and so with its network). An endpoint's ports are written as a whole, by
 * {@link #replace}. Reached through {@link Transaction#publishedPorts()}; every method throws
 * {@link StoreException}.
 */
public final class PublishedPortsTable {

    private final Transaction tx;

    PublishedPortsTable(Transaction tx) {
        this.tx = requireNonNull(tx, "tx");
    }

    /**
     * Makes {@code ports} the endpoint's published ports, in their order: deletes the rows it had and inserts these;
     * an empty list leaves it none. Throws {@link StoreException} with reason {@code MISSING_REFERENCE} when there
     * are ports for an endpoint that is not in the store, {@code CONFLICT} when two rows have the same position, and
     * {@code FAILURE} when a value breaks the table's constraints (a protocol other than tcp or udp, a port outside
     * 1 to 65535, an empty address); the statement that failed changes nothing, the caller's transaction decides
     * about the rest.
     *
     * @throws IllegalArgumentException when a row belongs to another endpoint
     */
    public void replace(String endpointId, List<PublishedPortRow> ports) {
        Keys.nonEmpty(endpointId, "endpointId");
        for (PublishedPortRow row : ports) {
            if (!row.endpointId().equals(endpointId)) {
                throw new IllegalArgumentException("port " + row.position() + " belongs to endpoint "
                        + Keys.shortId(row.endpointId()) + ", not " + Keys.shortId(endpointId));
            }
        }
        String action = "replace published ports of endpoint " + Keys.shortId(endpointId);
        String delete = """
                DELETE FROM published_ports WHERE endpoint_id = ?
                """;
        tx.update(action, delete, endpointId);
        String insert = """
                INSERT INTO published_ports (endpoint_id, position, protocol, host_ip, host_port, container_ip,
                                             container_port, routed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """;
        for (PublishedPortRow row : ports) {
            try {
                tx.update(action, insert, row.endpointId(), row.position(), row.protocol(), row.hostIp(),
                        row.hostPort(), row.containerIp(), row.containerPort(), row.routed());
            } catch (StoreException e) {
                throw explain(action, row, e);
            }
        }
    }

    /** Returns the endpoint's published ports, by position; none for an unknown endpoint or one without ports. */
    public List<PublishedPortRow> listByEndpoint(String endpointId) {
        String sql = """
                SELECT endpoint_id, position, protocol, host_ip, host_port, container_ip, container_port, routed
                FROM published_ports WHERE endpoint_id = ? ORDER BY position
                """;
        return tx.query("list published ports of endpoint " + Keys.shortId(endpointId), sql,
                PublishedPortsTable::read, endpointId);
    }

    /** Returns every published port, ordered by endpoint id, then by position: the full load at start. */
    public List<PublishedPortRow> list() {
        String sql = """
                SELECT endpoint_id, position, protocol, host_ip, host_port, container_ip, container_port, routed
                FROM published_ports ORDER BY endpoint_id, position
                """;
        return tx.query("list published ports", sql, PublishedPortsTable::read);
    }

    private static StoreException explain(String action, PublishedPortRow row, StoreException e) {
        String why;
        if (e.reason() == StoreException.Reason.MISSING_REFERENCE) {
            why = "endpoint " + Keys.shortId(row.endpointId()) + " does not exist";
        } else if (e.reason() == StoreException.Reason.CONFLICT) {
            why = "two ports at position " + row.position();
        } else {
            return e;
        }
        return new StoreException(e.reason(), action + ": " + why, e);
    }

    private static PublishedPortRow read(ResultSet row) throws SQLException {
        return new PublishedPortRow(row.getString("endpoint_id"), row.getInt("position"), row.getString("protocol"),
                row.getString("host_ip"), row.getInt("host_port"), row.getString("container_ip"),
                row.getInt("container_port"), row.getInt("routed") != 0);
    }
}
