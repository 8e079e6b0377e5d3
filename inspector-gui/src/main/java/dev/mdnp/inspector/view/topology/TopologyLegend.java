package dev.mdnp.inspector.view.topology;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;

/**
 * The topology's legend (id {@code topologyLegend}): what the boxes, wires, colours and drift marks mean, each shown
 * with a small sample drawn in the picture's own styles.
 */
final class TopologyLegend extends FlowPane {

    private static final double SWATCH_WIDTH = 36;
    private static final double SWATCH_HEIGHT = 18;

    TopologyLegend() {
        setId("topologyLegend");
        setHgap(24);
        setVgap(6);
        setPadding(new Insets(6, 12, 6, 12));
        getChildren().addAll(
                entry(box("topology-bridge"), "network: its bridge, name and addresses"),
                entry(box("topology-veth"), "host end of a veth pair, with its counters"),
                entry(box("topology-container"), "container, drawn once"),
                entry(box("topology-interface"), "its interface (eth0…), counters read inside"),
                entry(plainWire(), "veth pair"),
                entry(wire("not-joined"), "created, no container joined"),
                entry(wire("traffic"), "carrying traffic now"),
                entry(wire("drift"), "⚠ drift: state and kernel disagree"));
    }

    private static HBox entry(Node sample, String meaning) {
        HBox entry = new HBox(8, sample, new Label(meaning));
        entry.setAlignment(Pos.CENTER_LEFT);
        return entry;
    }

    private static VBox box(String styleClass) {
        VBox box = new VBox();
        box.getStyleClass().addAll("topology-box", styleClass);
        box.setMinSize(SWATCH_WIDTH, SWATCH_HEIGHT);
        box.setPrefSize(SWATCH_WIDTH, SWATCH_HEIGHT);
        box.setMaxSize(SWATCH_WIDTH, SWATCH_HEIGHT);
        return box;
    }

    /** Returns a sample wire, marked as the drawing marks one. */
    private static Line wire(String mark) {
        Line wire = plainWire();
        wire.getStyleClass().add(mark);
        return wire;
    }

    private static Line plainWire() {
        Line wire = new Line(0, 0, SWATCH_WIDTH, 0);
        wire.getStyleClass().add("topology-wire");
        return wire;
    }
}
