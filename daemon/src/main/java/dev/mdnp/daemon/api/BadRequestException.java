package dev.mdnp.daemon.api;

/** A request body that is not the JSON the called method takes; answered with 400 and the problem in {@code Err}. */
final class BadRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BadRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
