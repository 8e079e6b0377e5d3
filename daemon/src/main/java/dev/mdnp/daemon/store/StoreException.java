package dev.mdnp.daemon.store;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A failure of the state store: an SQL error, a constraint a change broke, or a state file that cannot be used. The
 * message names the operation and the object, the cause (when there is one) is the {@link java.sql.SQLException} or
 * {@link java.io.IOException} underneath, and {@link #reason()} says what kind of failure it is.
 */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure a {@link StoreException} is. */
    public enum Reason {
        /** A row with the same key, or the same value in a unique column, already exists: the caller's conflict. */
        CONFLICT,
        /** A row refers to a parent that does not exist (an endpoint's network, an allocation's pool). */
        MISSING_REFERENCE,
        /**
         * The state directory or file cannot be used (corrupt, not mdnp's, newer than this code, unsafe
         * permissions); it was left untouched and an operator must act.
         */
        UNUSABLE,
        /**
         * Another mdnp daemon holds the lock of the state directory; it was left untouched. Stop that daemon, or
         * use another state directory.
         */
        IN_USE,
        /** Any other failure of SQLite or of the file system. */
        FAILURE
    }

    private final Reason reason;

    /** Creates the exception; {@code cause} is null only when nothing underneath failed. */
    public StoreException(Reason reason, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.reason = requireNonNull(reason, "reason");
    }

    /** Returns what kind of failure this is. */
    public Reason reason() {
        return reason;
    }
}
