package dev.mdnp.inspector.viewmodel;

import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.model.client.ConnectionState;
import dev.mdnp.model.inspect.FirewallRepairView;
import dev.mdnp.model.inspect.InfoView;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The connection bar's content: what the inspector reads, whether it is connected, which plugin answers, and a
 * warning once the daemon had to repair its firewall rules (drift).
 */
public final class ConnectionViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final String REPAIR_MEANING =
            "something else rewrote the firewall; mdnp put its rules back — see mdnp doctor";

    private final String source;
    private final StringProperty replayStatus = new SimpleStringProperty("");
    private final BooleanBinding connected;
    private final StringBinding state;
    private final StringBinding plugin;
    private final StringBinding firewallRepairs;
    private final StringBinding firewallRepairDetail;

    /**
     * Creates the view model of {@code store}'s connection to {@code source}.
     *
     * @param source the socket path or replayed file, as the feed names it
     * @param zone the zone times are shown in
     */
    public ConnectionViewModel(InspectorStore store, String source, ZoneId zone) {
        this.source = source;
        connected = Bindings.createBooleanBinding(
                () -> store.connectionProperty().get() instanceof ConnectionState.Connected,
                store.connectionProperty());
        state = Bindings.createStringBinding(() -> replayStatus.get().isEmpty()
                || store.connectionProperty().get() instanceof ConnectionState.Closed
                ? describe(store) : replayStatus.get(), store.connectionProperty(), store.restartsProperty(),
                replayStatus);
        plugin = Bindings.createStringBinding(() -> pluginText(store.infoProperty().get()), store.infoProperty());
        firewallRepairs = Bindings.createStringBinding(() -> repairsText(store.firewallRepairsProperty().get(),
                store.lastFirewallRepairProperty().get(), zone), store.firewallRepairsProperty(),
                store.lastFirewallRepairProperty());
        firewallRepairDetail = Bindings.createStringBinding(() -> repairDetail(
                store.lastFirewallRepairProperty().get()), store.lastFirewallRepairProperty());
    }

    private static String describe(InspectorStore store) {
        String text = store.connectionProperty().get().describe();
        int restarts = store.restartsProperty().get();
        return restarts == 0 ? text : text + " (daemon restarted " + (restarts == 1 ? "once" : restarts + " times")
                + ")";
    }

    private static String pluginText(InfoView info) {
        return info == null ? "plugin unknown yet" : info.name() + " " + info.version();
    }

    private static String repairsText(int count, FirewallRepairView last, ZoneId zone) {
        return last == null ? ""
                : "⚠ firewall repaired " + count + "× · last " + TIME.format(last.at().atZone(zone));
    }

    private static String repairDetail(FirewallRepairView last) {
        return last == null ? "" : "last repair: " + last.summary() + "\n" + REPAIR_MEANING;
    }

    /** Returns the socket path or file the inspector reads. */
    public String source() {
        return source;
    }

    /**
     * Returns where a replay stands, shown instead of {@code connected} while it is not empty (a replay is never
     * connected to a daemon); a replay that closed (its file unreadable) still shows why. Empty for a live daemon.
     */
    public StringProperty replayStatusProperty() {
        return replayStatus;
    }

    /** Returns whether the event stream is up. */
    public BooleanBinding connectedProperty() {
        return connected;
    }

    /** Returns the connection state as short text, such as {@code connected} or {@code disconnected: ...}. */
    public StringBinding stateProperty() {
        return state;
    }

    /** Returns the plugin's name and version, once read. */
    public StringBinding pluginProperty() {
        return plugin;
    }

    /**
     * Returns a short warning once the daemon repaired its firewall rules, such as
     * {@code ⚠ firewall repaired 2× · last 12:05:03}; {@code ""} while it has not.
     */
    public StringBinding firewallRepairsProperty() {
        return firewallRepairs;
    }

    /** Returns what the last firewall repair put back and what a repair means, for a tooltip; {@code ""} before one. */
    public StringBinding firewallRepairDetailProperty() {
        return firewallRepairDetail;
    }
}
