package dev.mdnp.daemon.dataplane;

import dev.mdnp.daemon.dataplane.firewall.FirewallReport;
import dev.mdnp.daemon.dataplane.firewall.MissingRules;
import java.util.List;

/**
 * Builds and removes networks, endpoints and published ports in the kernel. A build that fails undoes what it did; a
 * removal removes all it can and treats what is already gone as removed. Every kernel operation is reported to the
 * listener.
 */
public interface Dataplane {

    /**
     * Creates the network's bridge, up, with its MTU, gateway addresses, kernel settings and firewall rules.
     *
     * @throws DataplaneException when a step fails; what was done before it is undone
     */
    void createNetwork(BridgeSpec spec, KernelOpListener listener);

    /**
     * Removes the network's firewall rules and bridge; both may be gone already.
     *
     * @throws DataplaneException when the kernel refuses a removal
     */
    void deleteNetwork(BridgeSpec spec, KernelOpListener listener);

    /**
     * Creates the endpoint's veth pair and attaches its host end, up, to the bridge. A pair left behind under the
     * same names by an earlier run (cnm-remote-api.md §7.8) is deleted and the creation tried once more.
     *
     * @throws DataplaneException when a step fails; what was done before it is undone
     */
    void createEndpoint(VethSpec spec, KernelOpListener listener);

    /**
     * Deletes the endpoint's veth pair, which may be gone already. The deletion may finish after the call returns.
     *
     * @throws DataplaneException when the kernel refuses the deletion
     */
    void deleteEndpoint(VethSpec spec, KernelOpListener listener);

    /**
     * Publishes an endpoint's ports: takes each host port (choosing free ones for port 0 and ranges) and adds the
     * rules that lead it to the endpoint; all or nothing.
     *
     * @return the ports as published, one per request and family
     * @throws IllegalArgumentException when a request cannot be published on this endpoint (an address of a family
     *     it lacks, IPv6 loopback); checked before anything changes
     * @throws DataplaneException when a step fails, caused by a {@link PortUnavailableException} when a host port is
     *     taken; what was done before it is undone
     */
    List<PublishedPort> publishPorts(EndpointPorts endpoint, List<PortRequest> requests, KernelOpListener listener);

    /**
     * Removes what {@link #publishPorts} added for the endpoint: its rules, then its host ports; gone is removed.
     *
     * @throws DataplaneException when the firewall refuses a removal
     */
    void unpublishPorts(EndpointPorts endpoint, List<PublishedPort> published, KernelOpListener listener);

    /**
     * Brings the kernel in line with the recorded networks and endpoints at start: builds what is missing (bridges,
     * the pairs of endpoints no container holds), repairs addresses, up states, ports, settings and firewall rules,
     * takes published host ports again, takes over links they name that no daemon marked, and deletes this daemon's
     * links and rules that none of them owns (never another daemon's).
     *
     * @throws DataplaneException when the kernel refuses a change
     */
    RestoreReport restore(List<BridgeSpec> networks, List<RestoredEndpoint> endpoints, KernelOpListener listener);

    /**
     * Puts back firewall rules that went missing since they were added (a flush, a Docker restart); the background
     * repair.
     *
     * @throws dev.mdnp.daemon.dataplane.firewall.FirewallException when iptables fails
     */
    FirewallReport repairFirewall();

    /** Returns the firewall rules that are missing, per network; changes nothing. */
    List<MissingRules> checkFirewall();
}
