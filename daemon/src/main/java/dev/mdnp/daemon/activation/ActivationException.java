package dev.mdnp.daemon.activation;

/** Thrown when systemd passed something the daemon cannot serve as its plugin socket; the message says what. */
public final class ActivationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates it with a message for the operator. */
    public ActivationException(String message) {
        super(message);
    }

    /** Creates it with a message for the operator and the cause. */
    public ActivationException(String message, Throwable cause) {
        super(message, cause);
    }
}
