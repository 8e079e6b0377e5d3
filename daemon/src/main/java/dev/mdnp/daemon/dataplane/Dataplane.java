package dev.mdnp.daemon.dataplane;

import java.util.List;

/**
 * Builds and removes networks and endpoints in the kernel. A build that fails undoes what it did; a removal removes
 * all it can and treats what is already gone as removed. Every kernel operation is reported to the listener.
 */
public interface Dataplane {

    /**
     * Creates the network's bridge, up, with its MTU, gateway addresses and forwarding rules.
     *
     * @throws DataplaneException when a step fails; what was done before it is undone
     */
    void createNetwork(BridgeSpec spec, KernelOpListener listener);

    /**
     * Removes the network's forwarding rules and bridge; both may be gone already.
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
     * Brings the kernel in line with the recorded networks and endpoints at start: builds what is missing (bridges,
     * the pairs of endpoints no container holds), repairs addresses, up states, ports and rules, and deletes links
     * named with {@code ownedPrefix} and rules of bridges that none of them owns.
     *
     * @throws DataplaneException when the kernel refuses a change
     */
    RestoreReport restore(List<BridgeSpec> networks, List<RestoredEndpoint> endpoints, String ownedPrefix,
            KernelOpListener listener);
}
