package dev.mdnp.daemon.dataplane.firewall;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A firewall operation that failed; names the command that failed and what it wrote to stderr, when there was one.
 */
public final class FirewallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The kind of failure. */
    public enum Reason {
        /** A program the firewall needs (iptables) is not installed or could not be started. */
        UNAVAILABLE,
        /** A command exited with a status that means failure. */
        FAILED,
        /** A command did not finish within its timeout and was killed. */
        TIMED_OUT,
        /** The calling thread was interrupted while a command ran; the command was killed. */
        INTERRUPTED,
        /** The firewall cannot be uninstalled while networks still have rules in its chain. */
        IN_USE
    }

    private final Reason reason;
    private final List<String> command;
    private final String stderr;

    /**
     * Creates an exception.
     *
     * @param reason the kind of failure
     * @param message a short, lower-case description naming the object and the reason
     * @param command the failed command, empty when the failure is not one command's
     * @param stderr what the command wrote to stderr, empty when nothing or no command
     */
    public FirewallException(Reason reason, String message, List<String> command, String stderr) {
        super(message);
        this.reason = requireNonNull(reason, "reason");
        this.command = List.copyOf(command);
        this.stderr = requireNonNull(stderr, "stderr");
    }

    /** Returns the kind of failure. */
    public Reason reason() {
        return reason;
    }

    /** Returns the failed command, including any command prefix; empty when the failure is not one command's. */
    public List<String> command() {
        return command;
    }

    /** Returns what the failed command wrote to stderr; empty when nothing or no command. */
    public String stderr() {
        return stderr;
    }
}
