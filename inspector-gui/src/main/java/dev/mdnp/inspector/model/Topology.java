package dev.mdnp.inspector.model;

import java.util.List;

/**
 * The picture a teacher draws on the board, built from one reading of the daemon's objects: each network as its
 * bridge with the host ends of its veth pairs, each container once with its interfaces (one per network it joined),
 * plus the kernel's links the state does not know. Drift is flagged on every bridge, port and interface where state
 * and kernel disagree.
 *
 * @param bridges the networks' bridges by Docker's name (then id), then bridges only the kernel has
 * @param containers the containers by name (then id), each drawn once; endpoints no container joined yet come as
 *     containers of their own, not joined
 * @param strays veths only the kernel has that are no port of a bridge shown
 */
public record Topology(List<TopologyBridge> bridges, List<TopologyContainer> containers,
        List<TopologyPort> strays) {

    /** The topology before the first reading: nothing to draw. */
    public static final Topology EMPTY = new Topology(List.of(), List.of(), List.of());

    /** Copies the lists. */
    public Topology {
        bridges = List.copyOf(bridges);
        containers = List.copyOf(containers);
        strays = List.copyOf(strays);
    }

    /** Returns the topology of {@code objects}. */
    public static Topology of(DaemonObjects objects) {
        return new TopologyBuilder(objects).build();
    }

    /** Returns whether there is nothing to draw. */
    public boolean isEmpty() {
        return bridges.isEmpty() && containers.isEmpty() && strays.isEmpty();
    }
}
