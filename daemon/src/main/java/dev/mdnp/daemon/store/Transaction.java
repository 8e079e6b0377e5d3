package dev.mdnp.daemon.store;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One open transaction of the {@link Store}, handed to the work of {@link Store#inTransaction}; its tables read and
 * write inside it, so everything one CNM call changes commits or rolls back together:
 *
 * <pre>{@code
 * store.runInTransaction(tx -> {
 *     tx.networks().insert(new NetworkRow(id, bridge, requestJson, clock.instant()));
 *     tx.allocations().insert(new AllocationRow(poolId, "10.7.0.1"));
 * });
 * }</pre>
 *
 * <p>Confined to the thread that runs the work, and valid only while the work runs: a table used after the work
 * returned, or from another thread, throws {@link IllegalStateException}. Table methods throw
 * {@link StoreException}; the work may catch one (a failed statement undoes only itself) and go on.
 */
public final class Transaction {

    private final Connection connection;
    private final Thread owner;
    /** Touched only by {@link #owner}. */
    private boolean active = true;

    Transaction(Connection connection, Thread owner) {
        this.connection = requireNonNull(connection, "connection");
        this.owner = requireNonNull(owner, "owner");
    }

    /** Returns the {@code networks} table. */
    public NetworksTable networks() {
        return new NetworksTable(this);
    }

    /** Returns the {@code endpoints} table. */
    public EndpointsTable endpoints() {
        return new EndpointsTable(this);
    }

    /** Returns the {@code published_ports} table. */
    public PublishedPortsTable publishedPorts() {
        return new PublishedPortsTable(this);
    }

    /** Returns the {@code pools} table. */
    public PoolsTable pools() {
        return new PoolsTable(this);
    }

    /** Returns the {@code allocations} table. */
    public AllocationsTable allocations() {
        return new AllocationsTable(this);
    }

    /** Runs an INSERT, UPDATE or DELETE and returns the number of rows it changed. */
    int update(String action, String sql, Object... params) {
        try (PreparedStatement statement = prepare(sql, params)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.translate(action, e);
        }
    }

    /** Runs a query and returns its rows, read by {@code reader}. */
    <R> List<R> query(String action, String sql, RowReader<R> reader, Object... params) {
        try (PreparedStatement statement = prepare(sql, params); ResultSet rows = statement.executeQuery()) {
            List<R> result = new ArrayList<>();
            while (rows.next()) {
                result.add(reader.read(rows));
            }
            return result;
        } catch (SQLException e) {
            throw SqlErrors.translate(action, e);
        }
    }

    /** Runs a query expected to return at most one row, and returns it. */
    <R> Optional<R> queryOne(String action, String sql, RowReader<R> reader, Object... params) {
        List<R> rows = query(action, sql, reader, params);
        if (rows.size() > 1) {
            throw new StoreException(StoreException.Reason.FAILURE, action + ": " + rows.size() + " rows, not one",
                    null);
        }
        return rows.stream().findFirst();
    }

    /** Ends the transaction's validity; called by the store before it commits or rolls back. */
    void end() {
        active = false;
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("transaction used from thread " + Thread.currentThread().getName()
                    + ", but it belongs to " + owner.getName());
        }
        if (!active) {
            throw new IllegalStateException("transaction used after its work returned");
        }
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                bind(statement, i + 1, params[i]);
            }
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
        return statement;
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setInt(index, flag ? 1 : 0);
        } else {
            throw new IllegalArgumentException("cannot bind " + value.getClass().getName());
        }
    }

    /** Reads one row of a result set into a value. */
    @FunctionalInterface
    interface RowReader<R> {
        /** Returns the value of the current row. */
        R read(ResultSet row) throws SQLException;
    }
}
