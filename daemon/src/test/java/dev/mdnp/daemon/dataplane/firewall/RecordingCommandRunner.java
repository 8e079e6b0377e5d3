package dev.mdnp.daemon.dataplane.firewall;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/** Remembers every command line it runs, then hands the command to another runner. Not thread-safe. */
final class RecordingCommandRunner implements CommandRunner {

    private final CommandRunner delegate;
    private final List<String> lines = new ArrayList<>();

    RecordingCommandRunner(CommandRunner delegate) {
        this.delegate = requireNonNull(delegate, "delegate");
    }

    @Override
    public boolean isInstalled(String program) {
        return delegate.isInstalled(program);
    }

    @Override
    public CommandResult run(List<String> command, String input) {
        lines.add(Tokens.join(command));
        return delegate.run(command, input);
    }

    /** Returns the command lines run so far, oldest first. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    /** Forgets the commands run so far. */
    void clear() {
        lines.clear();
    }
}
