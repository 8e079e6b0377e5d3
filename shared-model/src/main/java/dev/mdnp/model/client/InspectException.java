package dev.mdnp.model.client;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A call to mdnp's inspect socket failed: the daemon could not be reached, did not answer in time, or answered with
 * an error or with a body that cannot be read. The message names the socket and the call and says what to check.
 */
public final class InspectException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure it is. */
    public enum Reason {
        /** Nothing answered on the socket: it is missing, refuses connections, or may not be opened. */
        UNREACHABLE(false),
        /** The daemon did not answer within the client's timeout. */
        TIMEOUT(false),
        /** The calling thread was interrupted while it waited. */
        INTERRUPTED(false),
        /** The daemon answered with a 4xx or 5xx status. */
        ERROR_REPLY(true),
        /** The daemon answered 2xx with a body this client cannot read. */
        UNREADABLE_REPLY(true);

        private final boolean answered;

        Reason(boolean answered) {
            this.answered = answered;
        }

        /** Returns whether the daemon answered at all (as opposed to not being reachable). */
        public boolean answered() {
            return answered;
        }
    }

    private final Reason reason;
    private final int status;
    private final String daemonError;

    /**
     * Creates an exception.
     *
     * @param reason what kind of failure it is
     * @param message the whole, readable message
     * @param status the HTTP status of the reply, 0 when there was none
     * @param daemonError the daemon's {@code Err} text, {@code ""} when there was none
     * @param cause the underlying failure, or {@code null}
     */
    public InspectException(Reason reason, String message, int status, String daemonError,
            @Nullable Throwable cause) {
        super(message, cause);
        this.reason = requireNonNull(reason, "reason");
        this.status = status;
        this.daemonError = requireNonNull(daemonError, "daemonError");
    }

    /** Returns what kind of failure it is. */
    public Reason reason() {
        return reason;
    }

    /** Returns the HTTP status of the daemon's reply, 0 when it did not answer. */
    public int status() {
        return status;
    }

    /** Returns the daemon's {@code Err} text (or the start of its non-JSON error body), {@code ""} when none. */
    public String daemonError() {
        return daemonError;
    }

    /** Returns whether the daemon answered (with an error or an unreadable body), as opposed to not answering. */
    public boolean answered() {
        return reason.answered();
    }
}
