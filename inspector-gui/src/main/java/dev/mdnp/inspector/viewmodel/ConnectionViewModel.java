package dev.mdnp.inspector.viewmodel;

import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.model.client.ConnectionState;
import dev.mdnp.model.inspect.InfoView;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;

/**
 * The connection bar's content: what the inspector reads, whether it is connected, and which plugin answers.
 */
public final class ConnectionViewModel {

    private final String source;
    private final BooleanBinding connected;
    private final StringBinding state;
    private final StringBinding plugin;

    /**
     * Creates the view model of {@code store}'s connection to {@code source}.
     *
     * @param source the socket path or replayed file, as the feed names it
     */
    public ConnectionViewModel(InspectorStore store, String source) {
        this.source = source;
        connected = Bindings.createBooleanBinding(
                () -> store.connectionProperty().get() instanceof ConnectionState.Connected,
                store.connectionProperty());
        state = Bindings.createStringBinding(() -> describe(store), store.connectionProperty(),
                store.restartsProperty());
        plugin = Bindings.createStringBinding(() -> pluginText(store.infoProperty().get()), store.infoProperty());
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

    /** Returns the socket path or file the inspector reads. */
    public String source() {
        return source;
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
}
