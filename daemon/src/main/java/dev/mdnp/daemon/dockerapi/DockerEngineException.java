package dev.mdnp.daemon.dockerapi;

/**
 * A failed call to the Docker Engine API: the engine could not be reached, did not answer in time, answered with an
 * error status, or sent a body that cannot be read. The message names the socket and the request; the cause, when
 * there is one, is the failure underneath.
 */
public final class DockerEngineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception for a failure with nothing underneath, such as an error status. */
    public DockerEngineException(String message) {
        super(message);
    }

    /** Creates an exception that keeps the failure that caused it. */
    public DockerEngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
