package dev.mdnp.daemon.driver;

import static java.util.Objects.requireNonNull;

/**
 * A failed network-driver call; its {@link Reason} says whose fault it is, its message is shown to the Docker user.
 */
public final class DriverException extends RuntimeException {

    /** The kind of failure, and whether the caller (Docker or the user) caused it. */
    public enum Reason {
        /** A malformed or contradictory request, such as an option with an invalid value. */
        BAD_REQUEST(true),
        /** The request names a network or endpoint that mdnp does not know. */
        NOT_FOUND(true),
        /** The request conflicts with existing state, such as the same id with different data. */
        CONFLICT(true),
        /** The request asks for something mdnp does not do (yet). */
        UNSUPPORTED(true),
        /** A fault on mdnp's side. */
        INTERNAL(false);

        private final boolean callersFault;

        Reason(boolean callersFault) {
            this.callersFault = callersFault;
        }

        /** Returns true when the request, not mdnp, is at fault. */
        public boolean callersFault() {
            return callersFault;
        }
    }

    private final Reason reason;

    /** Creates an exception of the given kind with a message a Docker user can act on. */
    public DriverException(Reason reason, String message) {
        super(message);
        this.reason = requireNonNull(reason, "reason");
    }

    /** Returns the kind of failure. */
    public Reason reason() {
        return reason;
    }
}
