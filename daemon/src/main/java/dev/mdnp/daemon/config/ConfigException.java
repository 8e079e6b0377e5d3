package dev.mdnp.daemon.config;

/** Thrown when a configuration file cannot be read or holds a line that is not {@code key = value}. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates it with a message that names the file and, when there is one, the line. */
    public ConfigException(String message) {
        super(message);
    }

    /** Creates it with a message that names the file, and the cause. */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
