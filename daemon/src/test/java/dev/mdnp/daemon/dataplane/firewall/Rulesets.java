package dev.mdnp.daemon.dataplane.firewall;

import java.util.ArrayList;
import java.util.List;

/** Lists a whole filter table, IPv4 then IPv6, as golden lines; the same for the fake and for a real namespace. */
final class Rulesets {

    private Rulesets() {
    }

    /** Returns {@code # iptables -S}, its output, then the same for each further family {@code runner} has. */
    static List<String> dump(CommandRunner runner, List<IpFamily> families) {
        List<String> lines = new ArrayList<>();
        for (IpFamily family : families) {
            List<String> command = List.of(family.tool(), "-w", IptablesFirewall.LOCK_WAIT_SECONDS, "-t", "filter",
                    "-S");
            CommandResult result = runner.run(command);
            if (!result.succeeded()) {
                throw new AssertionError(result.commandLine() + " failed: " + result.stderr());
            }
            lines.add("# " + family.tool() + " -S");
            result.stdout().lines().forEach(lines::add);
        }
        return lines;
    }

    /** Returns the listing of both families. */
    static List<String> dump(CommandRunner runner) {
        return dump(runner, List.of(IpFamily.values()));
    }
}
