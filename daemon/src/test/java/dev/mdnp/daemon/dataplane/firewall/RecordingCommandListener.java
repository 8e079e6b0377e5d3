package dev.mdnp.daemon.dataplane.firewall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Remembers what it was told, one line per command: {@code finished <exit> <command>} or {@code failed <reason> …}. */
final class RecordingCommandListener implements CommandListener {

    private final List<String> events = new ArrayList<>();
    private final List<Duration> durations = new ArrayList<>();

    @Override
    public synchronized void commandFinished(CommandResult result) {
        events.add("finished " + result.exitCode() + " " + result.commandLine());
        durations.add(result.took());
    }

    @Override
    public synchronized void commandFailed(List<String> command, Duration took, FirewallException failure) {
        events.add("failed " + failure.reason() + " " + Tokens.join(command));
        durations.add(took);
    }

    /** Returns one line per command, oldest first. */
    synchronized List<String> events() {
        return List.copyOf(events);
    }

    /** Returns each command's duration, oldest first. */
    synchronized List<Duration> durations() {
        return List.copyOf(durations);
    }
}
