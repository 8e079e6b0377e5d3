package dev.mdnp.daemon.dataplane.firewall;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * One command the firewall ran to its end: the full command line, its exit status, its output and how long it took.
 *
 * @param command the program and its arguments, including any command prefix
 * @param exitCode the exit status; for iptables 0 is success and, for a check ({@code -C}, {@code -L}), 1 is "absent"
 * @param stdout what the command wrote to stdout
 * @param stderr what the command wrote to stderr
 * @param took the time from starting the process to its exit
 */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr, Duration took) {

    /** Copies the command and rejects nulls. */
    public CommandResult {
        command = List.copyOf(command);
        requireNonNull(stdout, "stdout");
        requireNonNull(stderr, "stderr");
        requireNonNull(took, "took");
    }

    /** Returns true when the command exited with status 0. */
    public boolean succeeded() {
        return exitCode == 0;
    }

    /** Returns the command as one line, arguments with blanks or quotes in double quotes. */
    public String commandLine() {
        return Tokens.join(command);
    }
}
