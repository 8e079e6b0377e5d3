package dev.mdnp.inspector.store;

import dev.mdnp.inspector.client.FeedUpdate;
import dev.mdnp.inspector.model.DaemonObjects;
import dev.mdnp.model.client.ConnectionState;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.FirewallRepairView;
import dev.mdnp.model.inspect.InfoView;
import dev.mdnp.model.inspect.LinkView;
import dev.mdnp.model.inspect.NetworkView;
import dev.mdnp.model.inspect.PoolView;
import dev.mdnp.model.inspect.RequestRecord;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the inspector knows, as observable lists and properties for the view models: the request log (at most
 * {@code capacity} calls, the oldest dropped first), the daemon's objects, its repairs of the firewall and the
 * connection. Changed only on the
 * FX thread, by {@link #apply} with a batch of feed updates, so each batch is one change per list.
 */
public final class InspectorStore {

    /** How many calls the request log keeps by default. */
    public static final int DEFAULT_CAPACITY = 100_000;

    private final int capacity;
    private final ObservableList<RequestRecord> requests = FXCollections.observableArrayList();
    private final List<RequestRecord> held = new ArrayList<>();
    private final ObservableList<NetworkView> networks = FXCollections.observableArrayList();
    private final ObservableList<EndpointView> endpoints = FXCollections.observableArrayList();
    private final ObservableList<LinkView> links = FXCollections.observableArrayList();
    private final ObservableList<PoolView> pools = FXCollections.observableArrayList();
    private final ObjectProperty<ConnectionState> connection =
            new SimpleObjectProperty<>(new ConnectionState.Connecting(1, 0));
    private final ObjectProperty<InfoView> info = new SimpleObjectProperty<>();
    private final ObjectProperty<DaemonObjects> objects = new SimpleObjectProperty<>();
    private final LongProperty received = new SimpleLongProperty();
    private final LongProperty trimmed = new SimpleLongProperty();
    private final LongProperty missed = new SimpleLongProperty();
    private final IntegerProperty restarts = new SimpleIntegerProperty();
    private final IntegerProperty heldCount = new SimpleIntegerProperty();
    private final IntegerProperty firewallRepairs = new SimpleIntegerProperty();
    private final ObjectProperty<FirewallRepairView> lastFirewallRepair = new SimpleObjectProperty<>();
    private boolean paused;

    /** Creates a store whose request log keeps {@link #DEFAULT_CAPACITY} calls. */
    public InspectorStore() {
        this(DEFAULT_CAPACITY);
    }

    /** Creates a store whose request log keeps at most {@code capacity} calls. */
    public InspectorStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Applies a batch of updates, in order: calls are added to the log in one change; objects replace the last; a
     * replay's rewind empties the log first (one more change).
     */
    public void apply(List<FeedUpdate> batch) {
        List<RequestRecord> arrived = new ArrayList<>();
        for (FeedUpdate update : batch) {
            if (update instanceof FeedUpdate.Request request) {
                arrived.add(request.record());
            } else if (update instanceof FeedUpdate.Objects read) {
                showObjects(read.objects());
            } else if (update instanceof FeedUpdate.Connection change) {
                connection.set(change.state());
            } else if (update instanceof FeedUpdate.Gap gap) {
                noteGap(gap);
            } else if (update instanceof FeedUpdate.FirewallRepair firewall) {
                noteRepair(firewall.repair());
            } else if (update instanceof FeedUpdate.Rewound) {
                arrived.clear();
                received.set(0);
                clearRequests();
            }
        }
        if (arrived.isEmpty()) {
            return;
        }
        received.set(received.get() + arrived.size());
        if (paused) {
            held.addAll(arrived);
            trimFront(held, held.size() - capacity);
            heldCount.set(held.size());
        } else {
            append(arrived);
        }
    }

    private void noteGap(FeedUpdate.Gap gap) {
        if (gap.restarted()) {
            restarts.set(restarts.get() + 1);
        } else {
            missed.set(missed.get() + gap.firstKept() - gap.lastSeen() - 1);
        }
    }

    /** Counts the repair; the latest is the one made last, as one read on connecting may arrive after a newer one. */
    private void noteRepair(FirewallRepairView repair) {
        firewallRepairs.set(firewallRepairs.get() + 1);
        FirewallRepairView last = lastFirewallRepair.get();
        if (last == null || repair.at().isAfter(last.at())) {
            lastFirewallRepair.set(repair);
        }
    }

    private void showObjects(DaemonObjects read) {
        objects.set(read);
        info.set(read.info());
        ListMerge.replace(networks, read.networks(), NetworkView::id);
        ListMerge.replace(endpoints, read.endpoints(), EndpointView::id);
        ListMerge.replace(links, read.links(), LinkView::name);
        ListMerge.replace(pools, read.pools(), PoolView::poolId);
    }

    private void append(List<RequestRecord> arrived) {
        int excess = requests.size() + arrived.size() - capacity;
        if (excess > 0 && excess >= requests.size()) {
            trimmed.set(trimmed.get() + requests.size() + arrived.size() - capacity);
            requests.setAll(arrived.subList(arrived.size() - capacity, arrived.size()));
            return;
        }
        if (excess > 0) {
            trimmed.set(trimmed.get() + excess);
            requests.remove(0, excess);
        }
        requests.addAll(arrived);
    }

    private void trimFront(List<RequestRecord> list, int excess) {
        if (excess > 0) {
            trimmed.set(trimmed.get() + excess);
            list.subList(0, excess).clear();
        }
    }

    /**
     * Pauses or resumes the log: while paused, arriving calls are held back (counted in {@link #heldCount}) and the
     * visible log stands still; resuming adds them in one change.
     */
    public void setPaused(boolean pause) {
        if (paused == pause) {
            return;
        }
        paused = pause;
        if (!pause && !held.isEmpty()) {
            List<RequestRecord> release = new ArrayList<>(held);
            held.clear();
            heldCount.set(0);
            append(release);
        }
    }

    /** Returns whether the log is paused. */
    public boolean isPaused() {
        return paused;
    }

    /** Empties the request log, held calls included; the objects stay. */
    public void clearRequests() {
        requests.clear();
        held.clear();
        heldCount.set(0);
    }

    /** Returns how many calls the log keeps at most. */
    public int capacity() {
        return capacity;
    }

    /** Returns the request log, oldest first. */
    public ObservableList<RequestRecord> requests() {
        return requests;
    }

    /** Returns the daemon's networks, as last read. */
    public ObservableList<NetworkView> networks() {
        return networks;
    }

    /** Returns the daemon's endpoints, as last read. */
    public ObservableList<EndpointView> endpoints() {
        return endpoints;
    }

    /** Returns the kernel's view of the daemon's links, as last read. */
    public ObservableList<LinkView> links() {
        return links;
    }

    /** Returns the daemon's IPAM pools, as last read. */
    public ObservableList<PoolView> pools() {
        return pools;
    }

    /** Returns the last complete reading of the objects; null before the first. */
    public ReadOnlyObjectProperty<DaemonObjects> objectsProperty() {
        return objects;
    }

    /** Returns the connection's state. */
    public ReadOnlyObjectProperty<ConnectionState> connectionProperty() {
        return connection;
    }

    /** Returns the daemon's summary, as last read; null before the first reading. */
    public ReadOnlyObjectProperty<InfoView> infoProperty() {
        return info;
    }

    /** Returns how many calls arrived since the inspector started, shown or not. */
    public ReadOnlyLongProperty receivedProperty() {
        return received;
    }

    /** Returns how many calls were dropped from the front of the log to keep it within its capacity. */
    public ReadOnlyLongProperty trimmedProperty() {
        return trimmed;
    }

    /** Returns how many calls the daemon no longer had when the inspector asked for them. */
    public ReadOnlyLongProperty missedProperty() {
        return missed;
    }

    /** Returns how many times the daemon was seen to restart. */
    public ReadOnlyIntegerProperty restartsProperty() {
        return restarts;
    }

    /** Returns how many repairs of its firewall rules the daemon was seen to make (drift put right). */
    public ReadOnlyIntegerProperty firewallRepairsProperty() {
        return firewallRepairs;
    }

    /** Returns the latest repair of the daemon's firewall rules; null before the first. */
    public ReadOnlyObjectProperty<FirewallRepairView> lastFirewallRepairProperty() {
        return lastFirewallRepair;
    }

    /** Returns how many calls are held back while the log is paused. */
    public ReadOnlyIntegerProperty heldCountProperty() {
        return heldCount;
    }
}
