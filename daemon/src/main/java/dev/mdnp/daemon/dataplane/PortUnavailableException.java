package dev.mdnp.daemon.dataplane;

/**
 * A host port that cannot be published because it is taken (by another published port, Docker or a process on the
 * host) or the address is not the host's; the message names the port. The caller's fault, not mdnp's.
 */
public final class PortUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public PortUnavailableException(String message) {
        super(message);
    }
}
