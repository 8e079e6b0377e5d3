package dev.mdnp.daemon.store;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns the {@link SQLException}s of sqlite-jdbc into {@link StoreException}s of the right reason. */
final class SqlErrors {

    /** sqlite-jdbc writes {@code [CODE] generic text (SQLite's own message)}; the last part is the useful one. */
    private static final Pattern JDBC_MESSAGE = Pattern.compile("^\\[\\w+] [^(]*\\((.*)\\)$", Pattern.DOTALL);

    private SqlErrors() {
    }

    /** Returns the store's exception for {@code e}, raised while doing {@code action} (e.g. "insert network 1a2b"). */
    static StoreException translate(String action, SQLException e) {
        StoreException.Reason reason = reasonOf(e);
        return new StoreException(reason, action + ": " + sqliteMessage(e), e);
    }

    /** Returns SQLite's own message inside the text sqlite-jdbc wraps around it, e.g. "database is locked". */
    static String sqliteMessage(SQLException e) {
        String message = String.valueOf(e.getMessage());
        Matcher matcher = JDBC_MESSAGE.matcher(message);
        return matcher.matches() ? matcher.group(1) : message;
    }

    /** Returns true when SQLite said the file is not a database or is damaged. */
    static boolean isCorruption(SQLException e) {
        SQLiteErrorCode code = codeOf(e);
        return code == SQLiteErrorCode.SQLITE_NOTADB || code.name().startsWith("SQLITE_CORRUPT");
    }

    /**
     * Returns true when SQLite could not read or write its files: an I/O error (a read-only file system among them),
     * a full disk, a file it may not write or cannot open.
     */
    static boolean isStorageFailure(SQLException e) {
        SQLiteErrorCode code = codeOf(e);
        String name = code.name();
        return code == SQLiteErrorCode.SQLITE_FULL || name.startsWith("SQLITE_IOERR")
                || name.startsWith("SQLITE_READONLY") || name.startsWith("SQLITE_CANTOPEN");
    }

    private static StoreException.Reason reasonOf(SQLException e) {
        SQLiteErrorCode code = codeOf(e);
        if (code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY || code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE) {
            return StoreException.Reason.CONFLICT;
        }
        if (code == SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY) {
            return StoreException.Reason.MISSING_REFERENCE;
        }
        return StoreException.Reason.FAILURE;
    }

    private static SQLiteErrorCode codeOf(SQLException e) {
        return e instanceof SQLiteException sqlite ? sqlite.getResultCode() : SQLiteErrorCode.UNKNOWN_ERROR;
    }
}
