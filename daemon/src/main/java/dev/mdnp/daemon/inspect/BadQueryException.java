package dev.mdnp.daemon.inspect;

/** A request to the inspect socket that names something impossible, such as a negative {@code after}: a 400. */
final class BadQueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BadQueryException(String message) {
        super(message);
    }
}
