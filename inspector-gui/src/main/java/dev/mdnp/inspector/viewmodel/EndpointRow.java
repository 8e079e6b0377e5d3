package dev.mdnp.inspector.viewmodel;

import static java.util.Objects.requireNonNull;

import dev.mdnp.inspector.model.ShortIds;
import dev.mdnp.model.inspect.ContainerRef;
import dev.mdnp.model.inspect.Drift;
import java.util.List;

/**
 * One row of the endpoints table.
 *
 * @param id Docker's endpoint id
 * @param networkId Docker's id of its network
 * @param networkName Docker's name of its network, {@code ""} while unknown
 * @param container the container Docker attached with it, {@link ContainerRef#UNKNOWN} while unknown
 * @param ipv4Address its IPv4 address in CIDR form, {@code ""} when none
 * @param ipv6Address its IPv6 address in CIDR form, {@code ""} when none
 * @param mac the container interface's MAC
 * @param hostIfName the veth end on the host
 * @param containerIfName the veth end that goes into the container, as mdnp created it
 * @param insideName that end's name inside the container ({@code eth0}), {@code ""} while not read there
 * @param joined whether a container has joined it
 * @param sandboxKey the container's namespace path, {@code ""} when not joined
 * @param drift whether state and kernel agree about its veth ends
 * @param driftNote what the drift means, {@code ""} when none
 * @param ports its published ports as {@code docker ps} shows each, such as {@code 0.0.0.0:8080->80/tcp}
 */
public record EndpointRow(String id, String networkId, String networkName, ContainerRef container,
        String ipv4Address, String ipv6Address, String mac,
        String hostIfName, String containerIfName, String insideName, boolean joined, String sandboxKey, Drift drift, String driftNote,
        List<String> ports) implements IdentifiedRow {

    /** Validates the components and copies the list. */
    public EndpointRow {
        requireNonNull(id, "id");
        requireNonNull(networkId, "networkId");
        requireNonNull(networkName, "networkName");
        requireNonNull(container, "container");
        requireNonNull(ipv4Address, "ipv4Address");
        requireNonNull(ipv6Address, "ipv6Address");
        requireNonNull(mac, "mac");
        requireNonNull(hostIfName, "hostIfName");
        requireNonNull(containerIfName, "containerIfName");
        requireNonNull(insideName, "insideName");
        requireNonNull(sandboxKey, "sandboxKey");
        requireNonNull(drift, "drift");
        requireNonNull(driftNote, "driftNote");
        ports = List.copyOf(ports);
    }

    /** Returns the network's name in Docker, else its id cut to 12 characters. */
    public String networkLabel() {
        return networkName.isEmpty() ? ShortIds.of(networkId) : networkName;
    }

    /** Returns the container's name, else its short id, else {@code ""}. */
    public String containerName() {
        return container.name().isEmpty() ? ShortIds.of(container.id()) : container.name();
    }

    /** Returns the container's aliases on this network. */
    public List<String> aliases() {
        return container.aliases();
    }

    /** Returns the container's interface as the container names it, with mdnp's name: {@code eth0 (mdnpc…)}. */
    public String containerInterface() {
        return insideName.isEmpty() ? containerIfName : insideName + " (" + containerIfName + ")";
    }

    /** Returns {@code joined} when a container has joined, else {@code created}. */
    public String state() {
        return joined ? "joined" : "created";
    }
}
