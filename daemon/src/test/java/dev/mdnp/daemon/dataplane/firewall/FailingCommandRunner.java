package dev.mdnp.daemon.dataplane.firewall;

import java.time.Duration;
import java.util.List;

/** Has every program installed and fails every command as iptables does without privilege (exit status 4). */
final class FailingCommandRunner implements CommandRunner {

    static final String STDERR = "iptables v1.8.9 (nf_tables): Could not fetch rule set generation id:"
            + " Permission denied (you must be root)\n";

    @Override
    public boolean isInstalled(String program) {
        return true;
    }

    @Override
    public CommandResult run(List<String> command, String input) {
        return new CommandResult(command, 4, "", STDERR, Duration.ZERO);
    }
}
