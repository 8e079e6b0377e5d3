package dev.mdnp.daemon.fuzz;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * Reads every row of a running daemon's {@code state.db} through a connection of its own, as text: one line per row,
 * {@code table: column=value, ...}, sorted. Reading takes no write lock (the store is in WAL mode), so the daemon
 * never waits for it.
 *
 * <p>SQLite's {@code PRAGMA data_version} changes on this connection whenever another connection commits; the rows
 * are read again only then, so a call that committed nothing costs one pragma.
 *
 * <p>Not thread-safe: the fuzzer's thread only.
 */
final class StoreReader implements AutoCloseable {

    /** Columns that hold times: left out when a rebuilt state is compared with the first one. */
    private static final Set<String> TIMES = Set.of("created_at");

    private final Connection connection;
    private long dataVersion = Long.MIN_VALUE;
    private List<String> rows = List.of();

    private StoreReader(Connection connection) {
        this.connection = connection;
    }

    /** Opens the store of the daemon whose state directory is {@code stateDir}; the daemon has created it. */
    static StoreReader open(Path stateDir) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return new StoreReader(config.createConnection("jdbc:sqlite:" + stateDir.resolve("state.db")));
    }

    /** Returns every row of every table, sorted; reads them again only when something was committed since. */
    List<String> rows() throws SQLException {
        long version = pragma("data_version");
        if (version != dataVersion) {
            rows = readAll();
            dataVersion = version;
        }
        return rows;
    }

    /** Returns the rows without the columns of {@link #TIMES}, sorted. */
    static List<String> withoutTimes(List<String> rows) {
        return rows.stream().map(row -> {
            String result = row;
            for (String column : TIMES) {
                result = result.replaceAll("(^|, |: )" + column + "=[0-9]+", "$1" + column + "=*");
            }
            return result;
        }).sorted().toList();
    }

    private List<String> readAll() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        List<String> result = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(table).append(": ");
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            row.append(i > 1 ? ", " : "").append(meta.getColumnName(i)).append('=')
                                    .append(rs.getString(i));
                        }
                        result.add(row.toString());
                    }
                }
            }
        }
        result.sort(null);
        return List.copyOf(result);
    }

    private long pragma(String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
