package dev.mdnp.daemon.ipam;

import static java.util.Objects.requireNonNull;

/** A failed IPAM call; its {@link Reason} says whose fault it is, its message is shown to the Docker user. */
public final class IpamException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The kind of failure, and whether the caller (Docker or the user) caused it. */
    public enum Reason {
        /** The request asks for something mdnp's IPAM does not do (yet). */
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
    public IpamException(Reason reason, String message) {
        super(message);
        this.reason = requireNonNull(reason, "reason");
    }

    /** Returns the kind of failure. */
    public Reason reason() {
        return reason;
    }
}
