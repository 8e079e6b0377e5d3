package dev.mdnp.daemon.inspect;

import dev.mdnp.daemon.dataplane.firewall.MissingRules;
import dev.mdnp.daemon.driver.DriverException;
import java.util.List;

/**
 * Where the introspection channel learns which of mdnp's firewall rules the kernel lacks, for {@code /v1/firewall}.
 * Read-only: asking changes nothing. Each call lists the kernel's tables ({@code iptables-save}, both families), so
 * it is asked on demand only, never for a view the inspector polls.
 */
@FunctionalInterface
public interface FirewallSource {

    /**
     * Returns the missing rules per owner: a network's bridge, or {@code ""} for mdnp's chains and the jumps into
     * them; an owner that lacks nothing is left out.
     *
     * @throws DriverException when the tables cannot be listed; the route answers 503 with its message
     */
    List<MissingRules> missingRules();
}
