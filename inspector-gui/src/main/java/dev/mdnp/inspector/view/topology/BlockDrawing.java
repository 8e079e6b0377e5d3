package dev.mdnp.inspector.view.topology;

import dev.mdnp.inspector.model.LinkStatus;
import dev.mdnp.inspector.model.TopologyBridge;
import dev.mdnp.inspector.model.TopologyPort;
import dev.mdnp.inspector.viewmodel.ByteSizes;
import dev.mdnp.inspector.viewmodel.DriftNotes;
import dev.mdnp.model.inspect.Drift;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;

/**
 * Draws one block of the topology at fixed coordinates, so the wires meet the boxes: a bridge box across the top,
 * and under it, one column per port, a wire down to the host veth, and a second wire down to the container's
 * interface (dashed when no container joined). A block of strays has no bridge box.
 */
final class BlockDrawing {

    private static final String DRIFT = "drift";
    private static final String NOT_JOINED = "not-joined";
    private static final double COLUMN = 280;
    private static final double GAP = 24;
    private static final double BOX = COLUMN - GAP;
    /** A bridge box is at least this many columns wide, so its name and addresses fit. */
    private static final int MIN_BRIDGE_COLUMNS = 2;
    private static final double WIRE = 44;
    /** Heights follow the topology's text sizes in inspector.css: a box's padding and title, then each further line. */
    private static final double BOX_BASE = 56;
    private static final double LINE = 24;
    private static final double VETH_HEIGHT = BOX_BASE + 2 * LINE;
    private static final double CONTAINER_HEIGHT = BOX_BASE + 4 * LINE;

    private BlockDrawing() {
    }

    /** Returns the drawing of {@code bridge} and its ports. */
    static Pane bridge(TopologyBridge bridge) {
        Pane block = block();
        List<Label> lines = new ArrayList<>();
        lines.add(title("bridge " + bridge.name(), bridge.drift()));
        lines.addAll(labels("gateway ", bridge.gateways(), "no gateway"));
        lines.addAll(labels("subnet ", bridge.subnets(), "no subnet"));
        lines.add(muted(describe(bridge)));
        int columns = Math.max(MIN_BRIDGE_COLUMNS, bridge.ports().size());
        double height = BOX_BASE + (lines.size() - 1) * LINE;
        VBox box = box("bridge-" + bridge.name(), "topology-bridge", columns * COLUMN - GAP, height,
                bridge.drift(), DriftNotes.about("bridge " + bridge.name(), bridge.drift()));
        box.getChildren().addAll(lines);
        block.getChildren().add(box);
        if (bridge.ports().isEmpty()) {
            Label none = muted("no endpoints yet: docker run --network …");
            none.relocate(0, height + GAP / 2);
            block.getChildren().add(none);
        }
        for (int i = 0; i < bridge.ports().size(); i++) {
            TopologyPort port = bridge.ports().get(i);
            double x = i * COLUMN;
            block.getChildren().add(wire(x + BOX / 2, height, height + WIRE, port.drift(), false));
            block.getChildren().addAll(port(port, x, height + WIRE));
        }
        return block;
    }

    /** Returns the drawing of veths on no bridge the topology shows. */
    static Pane strays(List<TopologyPort> ports) {
        Pane block = block();
        for (int i = 0; i < ports.size(); i++) {
            block.getChildren().addAll(port(ports.get(i), i * COLUMN, 0));
        }
        return block;
    }

    private static Pane block() {
        Pane block = new Pane();
        block.getStyleClass().add("topology-block");
        return block;
    }

    /** Returns the host veth at ({@code x}, {@code y}), the wire under it and the container's interface. */
    private static List<Node> port(TopologyPort port, double x, double y) {
        List<Node> nodes = new ArrayList<>();
        VBox veth = box("port-" + port.hostIfName(), "topology-veth", BOX, VETH_HEIGHT, port.drift(),
                DriftNotes.about("veth " + port.hostIfName(), port.drift()));
        veth.getChildren().addAll(title(port.hostIfName(), port.drift()), muted(state(port.hostLink())));
        if (port.hostLink().inKernel()) {
            veth.getChildren().add(muted("rx " + ByteSizes.human(port.hostLink().rxBytes()) + " · tx "
                    + ByteSizes.human(port.hostLink().txBytes())));
        }
        veth.relocate(x, y);
        nodes.add(veth);
        if (port.containerIfName().isEmpty()) {
            return nodes;
        }
        double top = y + VETH_HEIGHT + WIRE;
        nodes.add(wire(x + BOX / 2, y + VETH_HEIGHT, top, port.drift(), !port.joined()));
        VBox container = box("container-" + port.containerIfName(), "topology-container", BOX, CONTAINER_HEIGHT,
                port.drift(), port.joined() ? "" : "created, no container has joined yet");
        if (!port.joined()) {
            container.getStyleClass().add(NOT_JOINED);
        }
        container.getChildren().add(title(port.containerIfName(), Drift.NONE));
        addIfGiven(container, port.ipv4Address());
        addIfGiven(container, port.ipv6Address());
        addIfGiven(container, port.mac());
        container.getChildren().add(muted(port.joined() ? "netns " + port.sandbox() : "not joined"));
        container.relocate(x, top);
        nodes.add(container);
        return nodes;
    }

    private static String describe(TopologyBridge bridge) {
        String mtu = bridge.mtu() == 0 ? "MTU default" : "MTU " + bridge.mtu();
        return state(bridge.link()) + " · " + mtu;
    }

    private static String state(LinkStatus link) {
        return link.inKernel() ? link.operState() : "not in kernel";
    }

    private static VBox box(String id, String styleClass, double width, double height, Drift drift, String note) {
        VBox box = new VBox();
        box.setId(id);
        box.getStyleClass().addAll("topology-box", styleClass);
        box.setPrefSize(width, height);
        box.setMinSize(width, height);
        box.setMaxSize(width, height);
        if (drift != Drift.NONE) {
            box.getStyleClass().add(DRIFT);
        }
        if (!note.isEmpty()) {
            Tooltip.install(box, new Tooltip(note));
        }
        return box;
    }

    private static Line wire(double x, double fromY, double toY, Drift drift, boolean notJoined) {
        Line wire = new Line(x, fromY, x, toY);
        wire.getStyleClass().add("topology-wire");
        if (drift != Drift.NONE) {
            wire.getStyleClass().add(DRIFT);
        }
        if (notJoined) {
            wire.getStyleClass().add(NOT_JOINED);
        }
        return wire;
    }

    private static Label title(String text, Drift drift) {
        Label title = new Label(drift == Drift.NONE ? text : "⚠ " + text);
        title.getStyleClass().add("topology-title");
        return title;
    }

    private static List<Label> labels(String prefix, List<String> values, String none) {
        if (values.isEmpty()) {
            return List.of(label(none));
        }
        return values.stream().map(value -> label(prefix + value)).toList();
    }

    private static Label label(String text) {
        return new Label(text);
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("topology-muted");
        return label;
    }

    private static void addIfGiven(VBox box, String text) {
        if (!text.isEmpty()) {
            box.getChildren().add(label(text));
        }
    }
}
