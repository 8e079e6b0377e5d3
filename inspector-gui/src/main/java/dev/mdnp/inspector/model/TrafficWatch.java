package dev.mdnp.inspector.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Tells, reading after reading, which veth pairs carry traffic: those whose counters (both ends together) rose since
 * the previous reading, and for {@link #FADE} readings after they last rose, so that a ping once a second stays lit
 * while it runs and goes dark soon after it stops. A pair seen for the first time has nothing to compare and is not
 * lit. Not thread-safe: one reader feeds it, in order.
 */
public final class TrafficWatch {

    /** How many readings a pair stays lit after its counters last rose, the rising one included. */
    public static final int FADE = 2;

    private final Map<String, Long> lastTotals = new HashMap<>();
    private final Map<String, Integer> heat = new HashMap<>();

    /** Notes the counters of {@code topology} and returns the host ends of the pairs that carry traffic. */
    public Set<String> observe(Topology topology) {
        Map<String, Long> totals = totals(topology);
        Set<String> busy = new HashSet<>();
        totals.forEach((port, total) -> {
            Long before = lastTotals.get(port);
            int left = before != null && total > before ? FADE : heat.getOrDefault(port, 0) - 1;
            if (left > 0) {
                heat.put(port, left);
                busy.add(port);
            } else {
                heat.remove(port);
            }
        });
        lastTotals.clear();
        lastTotals.putAll(totals);
        heat.keySet().retainAll(totals.keySet());
        return Set.copyOf(busy);
    }

    /** Returns the bytes each pair counted, by its host end: the host end's and the container end's together. */
    private static Map<String, Long> totals(Topology topology) {
        Map<String, Long> totals = new HashMap<>();
        topology.bridges().forEach(bridge -> bridge.ports().forEach(
                port -> totals.merge(port.hostIfName(), port.hostLink().totalBytes(), Long::sum)));
        topology.strays().forEach(port -> totals.merge(port.hostIfName(), port.hostLink().totalBytes(), Long::sum));
        topology.containers().forEach(container -> container.interfaces().forEach(
                inside -> totals.merge(inside.hostIfName(), inside.inside().totalBytes(), Long::sum)));
        return totals;
    }
}
