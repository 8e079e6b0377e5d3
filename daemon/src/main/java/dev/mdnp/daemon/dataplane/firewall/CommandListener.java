package dev.mdnp.daemon.dataplane.firewall;

import java.time.Duration;
import java.util.List;

/**
 * Observes every command the firewall runs, so that the request log can show firewall work beside kernel work.
 *
 * <p>Each command ends in exactly one call: {@link #commandFinished} when it exited, whatever its status, or
 * {@link #commandFailed} when it could not be started, timed out or was interrupted. Callbacks run on the thread that
 * ran the command, must be fast and must not throw. {@link #NONE} ignores everything.
 */
public interface CommandListener {

    /** A listener that ignores every command. */
    CommandListener NONE = new CommandListener() { };

    /** Called after a command exited, with any status; a non-zero status is not necessarily a failure. */
    default void commandFinished(CommandResult result) {
    }

    /**
     * Called when a command could not be run to its end.
     *
     * @param command the command, including any prefix
     * @param took the time spent on it
     * @param failure the exception the firewall is about to throw
     */
    default void commandFailed(List<String> command, Duration took, FirewallException failure) {
    }
}
