package dev.mdnp.daemon.netlink.wire;

/**
 * A received message that does not parse: a length that runs past its buffer, an attribute too short for its type,
 * a truncated struct. The socket layer turns it into a {@code NetlinkException} with {@code EBADMSG}.
 */
public final class WireFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names what did not parse. */
    public WireFormatException(String message) {
        super(message);
    }
}
