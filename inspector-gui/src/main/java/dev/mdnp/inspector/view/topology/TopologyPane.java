package dev.mdnp.inspector.view.topology;

import dev.mdnp.inspector.model.Topology;
import dev.mdnp.inspector.model.TopologyBridge;
import dev.mdnp.inspector.viewmodel.ShortIds;
import dev.mdnp.inspector.viewmodel.TopologyViewModel;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The topology tab (id {@code topology}): one block per network, its bridge ({@code bridge-<name>}) on top, its host
 * veths ({@code port-<name>}) under it and the containers' interfaces ({@code container-<name>}) at the bottom, drawn
 * anew whenever the view model's topology changes. Drift is marked with a ⚠ and the style class {@code drift}.
 */
public final class TopologyPane extends StackPane {

    private final VBox blocks = new VBox();

    /** Builds the pane and draws {@code model}'s topology, now and whenever it changes. */
    public TopologyPane(TopologyViewModel model) {
        setId("topology");
        getStyleClass().add("topology");
        blocks.getStyleClass().add("topology-blocks");
        ScrollPane scroll = new ScrollPane(blocks);
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
            blocks.getChildren().addAll(heading(title), BlockDrawing.bridge(bridge));
        }
        if (!topology.strays().isEmpty()) {
            blocks.getChildren().addAll(heading("⚠ veths on no bridge, unknown to the state"),
                    BlockDrawing.strays(topology.strays()));
        }
    }

    private static Label heading(String text) {
        Label heading = new Label(text);
        heading.getStyleClass().add("topology-heading");
        return heading;
    }
}
