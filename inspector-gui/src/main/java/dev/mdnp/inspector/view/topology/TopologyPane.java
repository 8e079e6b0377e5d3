package dev.mdnp.inspector.view.topology;

import dev.mdnp.inspector.model.ShortIds;
import dev.mdnp.inspector.model.Topology;
import dev.mdnp.inspector.model.TopologyBridge;
import dev.mdnp.inspector.viewmodel.TopologyViewModel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The topology tab (id {@code topology}): one block per network, its bridge ({@code bridge-<name>}) on top, its host
 * veths ({@code port-<name>}) under it and the containers' interfaces ({@code container-<name>}) at the bottom, drawn
 * anew whenever the view model's topology changes. Drift is marked with a ⚠ and the style class {@code drift}.
 */
public final class TopologyPane extends StackPane {

    private final FlowPane blocks = new FlowPane();

    /** Builds the pane and draws {@code model}'s topology, now and whenever it changes. */
    public TopologyPane(TopologyViewModel model) {
        setId("topology");
        getStyleClass().add("topology");
        blocks.getStyleClass().add("topology-blocks");
        ScrollPane scroll = new ScrollPane(blocks);
        // Networks side by side as far as the window is wide, as a teacher draws them; further ones wrap below.
        scroll.viewportBoundsProperty().addListener((property, before, now) -> blocks.setPrefWrapLength(
                now.getWidth()));
        scroll.getStyleClass().add("topology-scroll");
        getChildren().add(scroll);
        draw(model.topologyProperty().get());
        model.topologyProperty().addListener((property, before, now) -> draw(now));
    }

    private void draw(Topology topology) {
        blocks.getChildren().clear();
        if (topology.isEmpty()) {
            blocks.getChildren().add(heading("No networks yet: docker network create -d mdnp demo"));
            return;
        }
        for (TopologyBridge bridge : topology.bridges()) {
            String title = bridge.networkId().isEmpty()
                    ? "⚠ a bridge the state does not know"
                    : "network " + ShortIds.of(bridge.networkId());
            blocks.getChildren().add(network(heading(title), BlockDrawing.bridge(bridge)));
        }
        if (!topology.strays().isEmpty()) {
            blocks.getChildren().add(network(heading("⚠ veths on no bridge, unknown to the state"),
                    BlockDrawing.strays(topology.strays())));
        }
    }

    private static VBox network(Label heading, Node drawing) {
        VBox network = new VBox(heading, drawing);
        network.getStyleClass().add("topology-network");
        return network;
    }

    private static Label heading(String text) {
        Label heading = new Label(text);
        heading.getStyleClass().add("topology-heading");
        return heading;
    }
}
