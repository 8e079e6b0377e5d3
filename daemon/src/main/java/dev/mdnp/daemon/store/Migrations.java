package dev.mdnp.daemon.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The schema's versions: migration {@code N} is the resource {@code VNNN__name.sql} beside this class, listed in
 * {@link #SCRIPTS} at index {@code N - 1}. SQLite's {@code user_version} holds the version a database has; each newer
 * migration runs in its own transaction, which commits only when the script set {@code user_version} to its own
 * number and left no foreign key broken.
 *
 * <p>A migration that rebuilds a table must not rely on turning foreign keys off: {@code PRAGMA foreign_keys} is a
 * no-op inside a transaction. Use SQLite's twelve-step rebuild with {@code defer_foreign_keys} instead.
 */
final class Migrations {

    /** {@code PRAGMA application_id} of mdnp's state: "mdnp" in ASCII. Set by {@code V001__init.sql}. */
    static final int APPLICATION_ID = 0x6D646E70;

    /** The migration scripts in order; never edit a released one, add the next. */
    static final List<String> SCRIPTS = List.of("V001__init.sql", "V002__published_ports.sql");

    private Migrations() {
    }

    /** Returns the schema version this code writes and reads: the number of the last migration. */
    static int latest() {
        return SCRIPTS.size();
    }

    /**
     * Brings the database to {@link #latest()}, one transaction per migration, and returns the version it had before.
     * The caller has checked that the version is not newer than {@link #latest()}.
     */
    static int migrate(Connection connection, Path file) {
        int before;
        try {
            before = pragmaInt(connection, "user_version");
        } catch (SQLException e) {
            throw SqlErrors.translate("read the schema version of " + file, e);
        }
        for (int version = before + 1; version <= latest(); version++) {
            try {
                apply(connection, version);
            } catch (SQLException e) {
                throw SqlErrors.translate("migrate " + file + " to schema version " + version, e);
            }
        }
        return before;
    }

    /** Returns the integer an argument-less pragma such as {@code user_version} reads. */
    static int pragmaInt(Connection connection, String pragma) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("PRAGMA " + pragma)) {
            return row.next() ? row.getInt(1) : 0;
        }
    }

    private static void apply(Connection connection, int version) throws SQLException {
        String script = load(SCRIPTS.get(version - 1));
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            try {
                // Another process may have migrated since the version was read; the write lock settles it.
                if (pragmaInt(connection, "user_version") < version) {
                    // sqlite-jdbc runs a script of several statements through sqlite3_exec.
                    statement.executeUpdate(script);
                    verify(connection, version);
                }
                statement.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                rollback(statement, e);
                throw e;
            }
        }
    }

    private static void verify(Connection connection, int version) throws SQLException {
        int written = pragmaInt(connection, "user_version");
        if (written != version) {
            throw new IllegalStateException(SCRIPTS.get(version - 1) + " set user_version to " + written
                    + ", not " + version);
        }
        try (Statement statement = connection.createStatement();
                ResultSet broken = statement.executeQuery("PRAGMA foreign_key_check")) {
            if (broken.next()) {
                throw new IllegalStateException(SCRIPTS.get(version - 1) + " left a broken foreign key in table "
                        + broken.getString(1));
            }
        }
    }

    private static void rollback(Statement statement, Exception failure) {
        try {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static String load(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream(script)) {
            if (in == null) {
                throw new IllegalStateException("migration " + script + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.FAILURE, "read migration " + script + ": " + e, e);
        }
    }
}
