package dev.mdnp.daemon.ipam;

import static java.util.Objects.requireNonNull;

/** A failed IPAM call; its {@link Reason} says whose fault it is, its message is shown to the Docker user. */
public final class IpamException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The kind of failure, and whether the caller (Docker or the user) caused it. */
    public enum Reason {
        /** A malformed or contradictory request: an invalid subnet or address, a sub-pool outside its pool. */
        BAD_REQUEST,
        /** The request names a pool that mdnp does not hold. */
        NOT_FOUND,
        /** The request collides with what is allocated: an overlapping pool, an address already in use. */
        CONFLICT,
        /** Nothing is left to hand out: every address of a pool, or every default pool, is in use. */
        EXHAUSTED,
        /** The request asks for something mdnp's IPAM does not do. */
        UNSUPPORTED,
        /** A fault on mdnp's side, such as a change that could not be recorded or an inconsistent stored state. */
        INTERNAL;

        /** Returns true when the request, not mdnp, is at fault: every reason but {@link #INTERNAL}. */
        public boolean callersFault() {
            return this != INTERNAL;
        }
    }

    private final Reason reason;

    /** Creates an exception of the given kind with a message a Docker user can act on. */
    public IpamException(Reason reason, String message) {
        super(message);
        this.reason = requireNonNull(reason, "reason");
    }

    /** Creates an exception of the given kind that keeps the failure of a layer below as its cause. */
    public IpamException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = requireNonNull(reason, "reason");
    }

    /** Returns the kind of failure. */
    public Reason reason() {
        return reason;
    }
}
