package dev.mdnp.daemon.dataplane.firewall;

import java.util.List;

/** Runs the firewall's commands; the seam between the firewall's logic and real processes. */
interface CommandRunner {

    /** Returns true when {@code program} can be run, that is, it is an executable file on the search path. */
    boolean isInstalled(String program);

    /**
     * Runs a command to its end, with {@code input} on its standard input, and returns its result, whatever its exit
     * status.
     *
     * @throws FirewallException if the command cannot be started, times out or the thread is interrupted
     */
    CommandResult run(List<String> command, String input);
}
