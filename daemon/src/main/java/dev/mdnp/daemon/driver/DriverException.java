package dev.mdnp.daemon.driver;

import static java.util.Objects.requireNonNull;

/**
 * A failed network-driver call; its {@link Reason} says whose fault it is, its message is shown to the Docker user.
 */
public final class DriverException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The kind of failure, and whether the caller (Docker or the user) caused it. */
    public enum Reason {
        /** A malformed or contradictory request, such as an option with an invalid value. */
        BAD_REQUEST,
        /** The request names a network or endpoint that mdnp does not know. */
        NOT_FOUND,
        /** The request conflicts with existing state, such as the same id with different data. */
        CONFLICT,
        /** The request asks for something mdnp does not do (yet). */
        UNSUPPORTED,
        /** A fault on mdnp's side. */
        INTERNAL;

        /** Returns true when the request, not mdnp, is at fault: every reason but {@link #INTERNAL}. */
        public boolean callersFault() {
            return this != INTERNAL;
        }
    }

    private final Reason reason;

    /** Creates an exception of the given kind with a message a Docker user can act on. */
    public DriverException(Reason reason, String message) {
        super(message);
        this.reason = requireNonNull(reason, "reason");
    }

    /** Creates an exception of the given kind that keeps the failure that caused it. */
    public DriverException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = requireNonNull(reason, "reason");
    }

    /** Returns the kind of failure. */
    public Reason reason() {
        return reason;
    }
}
