package dev.mdnp.daemon.dataplane;

/**
 * A kernel change that failed: names the step and says whether the steps applied before it were undone.
 */
public final class DataplaneException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean undone;

    /** Creates the exception; {@code undone} tells whether the changes made before the failure were reverted. */
    public DataplaneException(String message, boolean undone, Throwable cause) {
        super(message, cause);
        this.undone = undone;
    }

    /** Returns true when every step applied before the failure was undone, so nothing of the call remains. */
    public boolean undone() {
        return undone;
    }
}
