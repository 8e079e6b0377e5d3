package dev.mdnp.inspector.view.shell;

import dev.mdnp.inspector.view.common.NoticeLabel;
import dev.mdnp.inspector.viewmodel.ConnectionViewModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;

/**
 * The top line of the window: a green or red dot, the connection state, the socket or file the inspector reads,
 * once the daemon repaired its firewall rules a warning saying how often and when last ({@code #firewallRepairs},
 * its tooltip saying what and why), and the plugin's name and version. When the bar is short of room the warning is
 * cut with an ellipsis; the plugin's name and version stay whole.
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
        // A long reason (the daemon gone, a refused socket) is cut, not the rest of the bar; the tooltip has it all.
        state.setMinWidth(0);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(model.stateProperty());
        state.setTooltip(whole);
        model.connectedProperty().addListener((observable, was, connected) -> markConnected(dot, state, connected));
        markConnected(dot, state, model.connectedProperty().get());

        Label source = new Label(model.source());
        source.setId("connectionSource");
        source.getStyleClass().add("mono");
        source.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label repairs = new NoticeLabel(model.firewallRepairsProperty(), model.firewallRepairDetailProperty());
        repairs.setId("firewallRepairs");
        repairs.getStyleClass().add("drift-warning");
        Label plugin = new Label();
        plugin.setId("pluginVersion");
        plugin.textProperty().bind(model.pluginProperty());
        plugin.setMinWidth(Region.USE_PREF_SIZE);

        getChildren().addAll(dot, state, source, gap, repairs, plugin);
    }

    private static void markConnected(Circle dot, Label state, boolean connected) {
        for (var node : new javafx.scene.Node[] {dot, state}) {
            node.getStyleClass().removeAll("connection-ok", "connection-down");
            node.getStyleClass().add(connected ? "connection-ok" : "connection-down");
        }
    }
}
