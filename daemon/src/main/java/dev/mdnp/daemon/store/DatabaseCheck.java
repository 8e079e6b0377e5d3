package dev.mdnp.daemon.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * Decides, on a read-only connection, whether a state file may be opened for writing: it must be empty, or mdnp's
 * (by {@code application_id}), of a schema version this code knows, and pass {@code PRAGMA integrity_check}. A file
 * that fails is never written: not even the journal mode, which lives in the file's header, is set before this check
 * passes.
 *
 * <p>{@code integrity_check} here does not verify CHECK constraints: SQLite leaves them out of the schema of a
 * read-only connection. A row some other writer put past them (with {@code ignore_check_constraints}) passes; whoever
 * reads a row checks the values it relies on (the persistence package's loader does).
 */
final class DatabaseCheck {

    private static final String MOVE_ASIDE = "move it aside to start with empty state (mdnp then deletes the links"
            + " it no longer knows, and mdnp networks must be created again in Docker), or restore a backup";

    private DatabaseCheck() {
    }

    /** Returns normally when {@code file} is fit to open; otherwise throws {@link StoreException} {@code UNUSABLE}. */
    static void verify(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = config.createConnection(Store.url(file))) {
            int version = Migrations.pragmaInt(connection, "user_version");
            int applicationId = Migrations.pragmaInt(connection, "application_id");
            boolean fresh = version == 0 && applicationId == 0 && schemaIsEmpty(connection);
            if (fresh) {
                return;
            }
            if (applicationId != Migrations.APPLICATION_ID) {
                throw unusable(file, String.format("is not mdnp's state (application_id 0x%08x)", applicationId),
                        "pass another --state-dir, or move it aside");
            }
            if (version > Migrations.latest()) {
                throw unusable(file, "has schema version " + version + ", newer than this mdnp knows ("
                        + Migrations.latest() + ")", "run the newer mdnp that wrote it, or " + MOVE_ASIDE);
            }
            List<String> problems = integrityProblems(connection);
            if (!problems.isEmpty()) {
                throw unusable(file, "is corrupt (integrity_check: " + problems.get(0) + ")", MOVE_ASIDE);
            }
        } catch (SQLException e) {
            if (SqlErrors.isCorruption(e)) {
                throw unusable(file, "is corrupt (" + SqlErrors.sqliteMessage(e) + ")", MOVE_ASIDE, e);
            }
            throw unusable(file, "cannot be read (" + SqlErrors.sqliteMessage(e) + ")",
                    "check the file, its permissions and the disk", e);
        }
    }

    private static boolean schemaIsEmpty(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT count(*) FROM sqlite_schema")) {
            return row.next() && row.getInt(1) == 0;
        }
    }

    /** Returns what {@code PRAGMA integrity_check} found; empty when it said "ok". */
    private static List<String> integrityProblems(Connection connection) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
            while (rows.next()) {
                problems.add(rows.getString(1));
            }
        }
        return problems.equals(List.of("ok")) ? List.of() : problems;
    }

    private static StoreException unusable(Path file, String what, String remedy) {
        return new StoreException(StoreException.Reason.UNUSABLE, message(file, what, remedy), null);
    }

    private static StoreException unusable(Path file, String what, String remedy, SQLException cause) {
        return new StoreException(StoreException.Reason.UNUSABLE, message(file, what, remedy), cause);
    }

    private static String message(Path file, String what, String remedy) {
        return "state database " + file + " " + what + "; mdnp left it untouched: " + remedy;
    }
}
