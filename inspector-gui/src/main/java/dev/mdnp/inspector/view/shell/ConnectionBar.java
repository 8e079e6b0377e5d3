package dev.mdnp.inspector.view.shell;

import dev.mdnp.inspector.viewmodel.ConnectionViewModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;

/**
 * The top line of the window: a green or red dot, the connection state, the socket or file the inspector reads,
 * and the plugin's name and version.
 */
public final class ConnectionBar extends HBox {

    /** Builds the bar bound to {@code model}. */
    public ConnectionBar(ConnectionViewModel model) {
        setId("connectionBar");
        getStyleClass().add("connection-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        setPadding(new Insets(4, 8, 4, 8));

        Circle dot = new Circle(5);
        dot.getStyleClass().add("connection-dot");
        Label state = new Label();
        state.setId("connectionState");
        state.textProperty().bind(model.stateProperty());
        model.connectedProperty().addListener((observable, was, connected) -> markConnected(dot, state, connected));
        markConnected(dot, state, model.connectedProperty().get());

        Label source = new Label(model.source());
        source.setId("connectionSource");
        source.getStyleClass().add("mono");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label plugin = new Label();
        plugin.setId("pluginVersion");
        plugin.textProperty().bind(model.pluginProperty());

        getChildren().addAll(dot, state, source, gap, plugin);
    }

    private static void markConnected(Circle dot, Label state, boolean connected) {
        for (var node : new javafx.scene.Node[] {dot, state}) {
            node.getStyleClass().removeAll("connection-ok", "connection-down");
            node.getStyleClass().add(connected ? "connection-ok" : "connection-down");
        }
    }
}
