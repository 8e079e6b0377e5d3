package dev.mdnp.daemon.inspect;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.driver.DriverState;
import dev.mdnp.daemon.ipam.IpamDriver;
import dev.mdnp.model.inspect.NameLookup;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What the {@link InspectServer} reads from: the daemon's identity, the driver's and the IPAM's state, the kernel's
 * links and firewall rules, the links inside containers, and the history and events the api and the driver feed. The server only reads them.
 *
 * @param name the plugin name
 * @param version mdnp's version
 * @param pluginSocket the plugin API socket Docker calls
 * @param stateDir the state directory
 * @param startedAt when the daemon started; also the creation time shown for networks restored from the store
 * @param driverState the driver's networks and endpoints
 * @param ipam the IPAM driver, read through {@link IpamDriver#snapshot()}
 * @param links the kernel's links
 * @param history the request history the api records into; its event log is the event stream
 * @param journal the driver journal decorator that publishes state changes and knows creation times
 * @param firewall which firewall rules the kernel lacks, asked only for {@code /v1/firewall}
 * @param firewallDrift the repairs of mdnp's rules since the start, for {@code /v1/firewall/repairs}
 * @param sandboxes the links inside containers' namespaces, for {@code /v1/containers}
 * @param names Docker's names of networks and endpoints' containers, as far as they are known
 */
public record InspectSources(String name, String version, Path pluginSocket, Path stateDir, Instant startedAt,
        DriverState driverState, IpamDriver ipam, LinkSource links, RequestHistory history,
        StateEventJournal journal, FirewallSource firewall, FirewallDrift firewallDrift,
        SandboxLinks sandboxes, NameLookup names) {

    /** Validates the components. */
    public InspectSources {
        requireNonNull(name, "name");
        requireNonNull(version, "version");
        requireNonNull(pluginSocket, "pluginSocket");
        requireNonNull(stateDir, "stateDir");
        requireNonNull(startedAt, "startedAt");
        requireNonNull(driverState, "driverState");
        requireNonNull(ipam, "ipam");
        requireNonNull(links, "links");
        requireNonNull(history, "history");
        requireNonNull(journal, "journal");
        requireNonNull(firewall, "firewall");
        requireNonNull(firewallDrift, "firewallDrift");
        requireNonNull(sandboxes, "sandboxes");
        requireNonNull(names, "names");
    }

    /** Returns the event log the stream reads: the history's. */
    public EventLog events() {
        return history.events();
    }
}
