package dev.mdnp.model.client;

import static java.util.Objects.requireNonNull;

/**
 * Why a request of {@link UnixHttp} got no answer; its message says it in a few words ({@code no answer within
 * 5000 ms}, or the causes' messages joined). Each caller turns it into its own exception, with its own hint.
 */
public final class UnixHttpException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The kinds of "no answer". */
    public enum Kind {
        /** The waiting thread was interrupted; the request was aborted and the interrupt left pending. */
        INTERRUPTED,
        /** The server did not answer within the client's timeout. */
        TIMED_OUT,
        /** The server could not be reached, or the exchange broke; the cause says how. */
        FAILED
    }

    private final Kind kind;

    UnixHttpException(Kind kind, String message, Throwable cause) {
        super(message, requireNonNull(cause, "cause"));
        this.kind = kind;
    }

    /** Returns the kind of failure. */
    public Kind kind() {
        return kind;
    }
}
