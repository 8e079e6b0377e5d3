package dev.mdnp.daemon.inspect;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.dataplane.firewall.FirewallReport;
import dev.mdnp.model.inspect.FirewallRepairView;
import dev.mdnp.model.inspect.InspectEvent;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The firewall drift mdnp found and repaired since it started: each repair that changed something is published as an
 * {@link InspectEvent.FirewallRepaired} and kept, the latest {@value #KEPT}, for {@code /v1/firewall/repairs}, and
 * counted for the metrics. Thread-safe.
 */
public final class FirewallDrift {

    /** How many repairs are kept. */
    static final int KEPT = 100;

    private final EventLog events;
    private final InstantSource clock;
    private final Deque<FirewallRepairView> kept = new ArrayDeque<>();
    private long count;

    /** Creates a record that publishes to {@code events} and dates repairs with {@code clock}. */
    public FirewallDrift(EventLog events, InstantSource clock) {
        this.events = requireNonNull(events, "events");
        this.clock = requireNonNull(clock, "clock");
    }

    /** Records a reconciliation of the firewall; one that changed nothing is not drift and is ignored. */
    public void repaired(FirewallReport report) {
        if (report.unchanged()) {
            return;
        }
        FirewallRepairView repair = new FirewallRepairView(clock.instant(), report.baseRepaired(),
                report.repairedBridges(), report.removedBridges());
        synchronized (kept) {
            if (kept.size() == KEPT) {
                kept.removeFirst();
            }
            kept.addLast(repair);
            count++;
        }
        events.publish(seq -> new InspectEvent.FirewallRepaired(seq, repair));
    }

    /** Returns the repairs kept, oldest first. */
    public List<FirewallRepairView> repairs() {
        synchronized (kept) {
            return List.copyOf(kept);
        }
    }

    /** Returns how many repairs changed something since the start, including those no longer kept. */
    public long count() {
        synchronized (kept) {
            return count;
        }
    }
}
