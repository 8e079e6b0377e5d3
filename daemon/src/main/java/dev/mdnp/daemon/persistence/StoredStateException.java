package dev.mdnp.daemon.persistence;

/**
 * The stored state cannot be loaded: a row that no version of mdnp could have written. The daemon must not start on
 * it; the message names the row and the problem.
 */
public final class StoredStateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception naming the damaged record and what is wrong with it. */
    public StoredStateException(String message) {
        super(message);
    }

    /** Creates an exception naming the damaged record and what is wrong with it, keeping the failure it caused. */
    public StoredStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
