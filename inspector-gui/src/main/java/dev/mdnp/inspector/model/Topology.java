package dev.mdnp.inspector.model;

import java.util.List;

/**
 * The picture a teacher draws on the board, built from one reading of the daemon's objects: each network as its
 * bridge with its veth pairs and the containers' interfaces, plus the kernel's links the state does not know.
 * Drift is flagged on every bridge and port where state and kernel disagree.
 *
 * @param bridges the networks' bridges in the daemon's order, then bridges only the kernel has
 * @param strays veths only the kernel has that are no port of a bridge shown
 */
public record Topology(List<TopologyBridge> bridges, List<TopologyPort> strays) {

    /** The topology before the first reading: nothing to draw. */
    public static final Topology EMPTY = new Topology(List.of(), List.of());

    /** Copies the lists. */
    public Topology {
        bridges = List.copyOf(bridges);
        strays = List.copyOf(strays);
    }

    /** Returns the topology of {@code objects}. */
    public static Topology of(DaemonObjects objects) {
        return new TopologyBuilder(objects).build();
    }

    /** Returns whether there is nothing to draw. */
    public boolean isEmpty() {
        return bridges.isEmpty() && strays.isEmpty();
    }
}
