package dev.mdnp.daemon.cli.doctor;

import dev.mdnp.daemon.cli.Cells;
import dev.mdnp.model.client.InspectClient;
import dev.mdnp.model.client.InspectException;
import dev.mdnp.model.inspect.FirewallRepairView;
import dev.mdnp.model.inspect.FirewallRulesView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks the daemon which of its firewall rules the kernel lacks ({@code /v1/firewall}, which lists the tables): one ✓
 * line when none, one ✗ line per network (or mdnp's base chains) that lacks some, and a warning when the daemon
 * cannot be asked, since the inspect check already fails for a daemon that does not answer. A warning follows when
 * the daemon had to put its rules back since it started ({@code /v1/firewall/repairs}).
 */
final class FirewallRulesCheck implements DoctorCheck {

    private static final int NOT_FOUND = 404;
    private static final String MDNP_RULES = "the MDNP-* chains and the rules commented mdnp alone";

    private final Path inspectSocket;
    private final Duration timeout;

    FirewallRulesCheck(Path inspectSocket, Duration timeout) {
        this.inspectSocket = inspectSocket;
        this.timeout = timeout;
    }

    @Override
    public List<Check> run() {
        List<FirewallRulesView> owners;
        List<FirewallRepairView> repairs;
        try (InspectClient client = InspectClient.connect(inspectSocket, timeout)) {
            owners = client.firewall();
            repairs = firewallRepairs(client);
        } catch (InspectException e) {
            String why = e.status() == NOT_FOUND
                    ? "that daemon does not report them (an mdnp older than this doctor?)"
                    : e.getMessage();
            return List.of(Check.warn("cannot ask the daemon at " + inspectSocket + " for missing firewall rules",
                    why));
        }
        List<Check> checks = new ArrayList<>();
        for (FirewallRulesView owner : owners) {
            List<String> missing = owner.missingRules();
            if (!missing.isEmpty()) {
                checks.add(Check.fail(owner(owner) + " " + (owner.base() ? "lack " : "lacks ") + missing.size()
                        + (missing.size() == 1 ? " firewall rule: " : " firewall rules, such as: ") + missing.get(0),
                        "mdnp puts them back within its --reconcile-interval (default 30s); if they keep going"
                                + " missing, another tool deletes them (iptables -F, a firewall manager): make it"
                                + " leave " + MDNP_RULES));
            }
        }
        if (checks.isEmpty()) {
            long networks = owners.stream().filter(owner -> !owner.base()).count();
            checks.add(Check.ok("firewall rules of mdnp and its " + networks
                    + (networks == 1 ? " network" : " networks") + " are in place"));
        }
        if (!repairs.isEmpty()) {
            FirewallRepairView last = repairs.get(repairs.size() - 1);
            checks.add(Check.warn("mdnp had to put its firewall rules back " + repairs.size()
                    + (repairs.size() == 1 ? " time" : " times") + " since it started, last at " + last.at()
                    + " (" + last.summary() + ")", "something else rewrites the firewall (a firewall manager's"
                    + " reload, iptables -F, a script); until mdnp repairs it, isolation and published ports of its"
                    + " networks are off: make that tool leave " + MDNP_RULES));
        }
        return checks;
    }

    /** Returns the daemon's firewall repairs; none from a daemon too old to report them (404). */
    private static List<FirewallRepairView> firewallRepairs(InspectClient client) {
        try {
            return client.firewallRepairs();
        } catch (InspectException e) {
            if (e.status() == NOT_FOUND) {
                return List.of();
            }
            throw e;
        }
    }

    private static String owner(FirewallRulesView owner) {
        if (owner.base()) {
            return "mdnp's own chains and the jumps into them";
        }
        if (owner.networkId().isEmpty()) {
            return "bridge " + owner.bridge() + " (of no network mdnp holds)";
        }
        return "network " + Cells.shortId(owner.networkId()) + " (bridge " + owner.bridge() + ")";
    }
}
