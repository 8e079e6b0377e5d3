package dev.mdnp.inspector.view.topology;

import dev.mdnp.inspector.model.LinkStatus;
import dev.mdnp.inspector.model.ShortIds;
import dev.mdnp.inspector.model.Topology;
import dev.mdnp.inspector.model.TopologyBridge;
import dev.mdnp.inspector.model.TopologyContainer;
import dev.mdnp.inspector.model.TopologyInterface;
import dev.mdnp.inspector.model.TopologyPort;
import dev.mdnp.inspector.viewmodel.ByteSizes;
import dev.mdnp.inspector.viewmodel.DriftNotes;
import dev.mdnp.model.inspect.Drift;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;

/**
 * Draws a whole topology at fixed coordinates, so the wires meet the boxes, as a teacher draws it on the board: the
 * networks' bridges in a row on top, under each bridge the host ends of its veth pairs, and under those the
 * containers, each once, with its interfaces ({@code eth0}, {@code eth1}) on its top edge, each wired to its host
 * end. Veths on no bridge come last, in a row of their own. The pairs carrying traffic are marked {@code traffic}.
 */
final class TopologyDrawing {

    private static final String DRIFT = "drift";
    private static final String NOT_JOINED = "not-joined";
    private static final String TRAFFIC = "traffic";
    private static final double COLUMN = 280;
    private static final double GAP = 24;
    private static final double BOX = COLUMN - GAP;
    /** Between two networks, and around the whole picture. */
    private static final double BLOCK_GAP = 48;
    /** A bridge box is at least this many columns wide, so its name and addresses fit. */
    private static final int MIN_BRIDGE_COLUMNS = 2;
    private static final double WIRE = 44;
    /** Longer than {@link #WIRE}: the wires from host ends to containers may run slanted. */
    private static final double DROP = 96;
    /** Heights follow the topology's text sizes in inspector.css: a box's padding and title, then each further line. */
    private static final double BOX_BASE = 56;
    private static final double LINE = 24;
    private static final double VETH_HEIGHT = BOX_BASE + 2 * LINE;
    private static final double INTERFACE_HEIGHT = BOX_BASE + 2 * LINE;

    private final Topology topology;
    private final Set<String> traffic;
    private final Pane canvas = new Pane();
    /** Where each host end's wire leaves it for its container: the middle of its bottom edge. */
    private final Map<String, Point2D> portBottoms = new HashMap<>();
    private double width;
    private double height;

    private TopologyDrawing(Topology topology, Set<String> traffic) {
        this.topology = topology;
        this.traffic = traffic;
    }

    /** Returns the drawing of {@code topology}, marking the pairs whose host end is in {@code traffic}. */
    static Pane of(Topology topology, Set<String> traffic) {
        return new TopologyDrawing(topology, traffic).draw();
    }

    private Pane draw() {
        canvas.getStyleClass().add("topology-block");
        double top = BLOCK_GAP;
        if (!topology.bridges().isEmpty()) {
            top = bridges(top);
        }
        if (!topology.containers().isEmpty()) {
            top = containers(top + DROP);
        }
        if (!topology.strays().isEmpty()) {
            top = strays(top + BLOCK_GAP);
        }
        width += BLOCK_GAP;
        height = top + BLOCK_GAP;
        canvas.setMinSize(width, height);
        canvas.setPrefSize(width, height);
        canvas.setMaxSize(width, height);
        return canvas;
    }

    /** Draws the bridges and their host ends from {@code top}; returns the bottom of the host ends' row. */
    private double bridges(double top) {
        double rowHeight = topology.bridges().stream().mapToDouble(b -> bridgeHeight(b)).max().orElse(0);
        double x = BLOCK_GAP;
        double portsTop = top + rowHeight + WIRE;
        for (TopologyBridge bridge : topology.bridges()) {
            double bridgeHeight = bridgeHeight(bridge);
            int columns = Math.max(MIN_BRIDGE_COLUMNS, bridge.ports().size());
            VBox box = box("bridge-" + bridge.name(), "topology-bridge", columns * COLUMN - GAP, bridgeHeight,
                    bridge.drift(), DriftNotes.about("bridge " + bridge.name(), bridge.drift()));
            box.getChildren().addAll(bridgeLines(bridge));
            box.relocate(x, top);
            canvas.getChildren().add(box);
            if (bridge.ports().isEmpty()) {
                Label none = muted("no containers yet: docker run --network " + bridge.label() + " …");
                none.relocate(x, top + bridgeHeight + GAP / 2);
                canvas.getChildren().add(none);
            }
            for (int i = 0; i < bridge.ports().size(); i++) {
                TopologyPort port = bridge.ports().get(i);
                double portX = x + i * COLUMN;
                canvas.getChildren().add(wire(portX + BOX / 2, top + bridgeHeight, portX + BOX / 2, portsTop,
                        port.drift(), false, port.hostIfName()));
                port(port, portX, portsTop);
            }
            x += columns * COLUMN - GAP + BLOCK_GAP;
        }
        width = Math.max(width, x - BLOCK_GAP);
        return portsTop + VETH_HEIGHT;
    }

    /** Draws the containers in a row from {@code top}, wired to their host ends; returns the row's bottom. */
    private double containers(double top) {
        double rowHeight = topology.containers().stream().mapToDouble(TopologyDrawing::containerHeight).max()
                .orElse(0);
        double x = BLOCK_GAP;
        for (TopologyContainer container : topology.containers()) {
            int columns = Math.max(1, container.interfaces().size());
            double boxWidth = columns * COLUMN - GAP;
            VBox box = box("container-" + containerId(container), "topology-container", boxWidth,
                    containerHeight(container) - INTERFACE_HEIGHT / 2, Drift.NONE,
                    container.joined() ? "netns " + container.sandbox() : "created, no container has joined yet");
            if (!container.joined()) {
                box.getStyleClass().add(NOT_JOINED);
            }
            Region underInterfaces = new Region();
            underInterfaces.setMinHeight(INTERFACE_HEIGHT / 2);
            box.getChildren().addAll(underInterfaces, title(container.label(), Drift.NONE),
                    muted(secondary(container)));
            container.ports().forEach(published -> box.getChildren().add(portLabel(published)));
            box.relocate(x, top + INTERFACE_HEIGHT / 2);
            canvas.getChildren().add(box);
            for (int i = 0; i < container.interfaces().size(); i++) {
                inside(container, container.interfaces().get(i), x + i * COLUMN + GAP / 2, top);
            }
            x += boxWidth + GAP;
        }
        width = Math.max(width, x - GAP);
        return top + rowHeight;
    }

    /** Draws one interface on its container's top edge at ({@code x}, {@code y}), wired up to its host end. */
    private void inside(TopologyContainer container, TopologyInterface inside, double x, double y) {
        double chipWidth = BOX - GAP;
        Point2D from = portBottoms.get(inside.hostIfName());
        if (from != null) {
            canvas.getChildren().add(wire(from.getX(), from.getY(), x + chipWidth / 2, y, inside.drift(),
                    !container.joined(), inside.hostIfName()));
        }
        VBox chip = box("iface-" + inside.mdnpName(), "topology-interface", chipWidth, INTERFACE_HEIGHT,
                inside.drift(), interfaceNote(inside));
        markTraffic(chip, inside.hostIfName());
        chip.getChildren().addAll(title(inside.name(), inside.drift()), label(address(inside)),
                muted(counters(inside.inside(), inside.problem(), container.joined())));
        chip.relocate(x, y);
        canvas.getChildren().add(chip);
    }

    /** Draws the veths on no bridge in a row from {@code top}; returns the row's bottom. */
    private double strays(double top) {
        Label heading = title("⚠ veths on no bridge, unknown to the state", Drift.NONE);
        heading.relocate(BLOCK_GAP, top);
        canvas.getChildren().add(heading);
        double rowTop = top + BOX_BASE;
        for (int i = 0; i < topology.strays().size(); i++) {
            port(topology.strays().get(i), BLOCK_GAP + i * COLUMN, rowTop);
        }
        width = Math.max(width, BLOCK_GAP + topology.strays().size() * COLUMN - GAP);
        return rowTop + VETH_HEIGHT;
    }

    /** Draws a host end at ({@code x}, {@code y}). */
    private void port(TopologyPort port, double x, double y) {
        String note = DriftNotes.about("veth " + port.hostIfName(), port.drift());
        VBox veth = box("port-" + port.hostIfName(), "topology-veth", BOX, VETH_HEIGHT, port.drift(),
                port.peer().isEmpty() ? note : (note + "\npeer " + port.peer()).strip());
        markTraffic(veth, port.hostIfName());
        veth.getChildren().addAll(title(port.hostIfName(), port.drift()), muted(state(port.hostLink())));
        if (port.hostLink().inKernel()) {
            veth.getChildren().add(muted(bytes(port.hostLink())));
        }
        veth.relocate(x, y);
        canvas.getChildren().add(veth);
        portBottoms.put(port.hostIfName(), new Point2D(x + BOX / 2, y + VETH_HEIGHT));
    }

    private static List<Label> bridgeLines(TopologyBridge bridge) {
        List<Label> lines = new ArrayList<>();
        if (bridge.networkId().isEmpty()) {
            lines.add(title("bridge " + bridge.name(), bridge.drift()));
            lines.add(muted("a bridge the state does not know"));
        } else {
            lines.add(title("network " + bridge.label(), bridge.drift()));
            String id = bridge.networkName().isEmpty() ? "" : "id " + ShortIds.of(bridge.networkId()) + " · ";
            lines.add(muted(id + "bridge " + bridge.name()));
        }
        lines.addAll(labels("gateway ", bridge.gateways(), "no gateway"));
        lines.addAll(labels("subnet ", bridge.subnets(), "no subnet"));
        String mtu = bridge.mtu() == 0 ? "MTU default" : "MTU " + bridge.mtu();
        lines.add(muted(state(bridge.link()) + " · " + mtu));
        return lines;
    }

    private static double bridgeHeight(TopologyBridge bridge) {
        int lines = 3 + Math.max(1, bridge.gateways().size()) + Math.max(1, bridge.subnets().size());
        return BOX_BASE + (lines - 1) * LINE;
    }

    /** Returns the height of a container with its interfaces, from the interfaces' top to the box's bottom. */
    private static double containerHeight(TopologyContainer container) {
        return INTERFACE_HEIGHT / 2 + BOX_BASE + (1 + container.ports().size()) * LINE + INTERFACE_HEIGHT / 2;
    }

    private static String containerId(TopologyContainer container) {
        if (!container.name().isEmpty()) {
            return container.name();
        }
        return container.joined() ? container.sandbox() : container.key().substring(container.key().indexOf(':') + 1);
    }

    private static String secondary(TopologyContainer container) {
        if (!container.joined()) {
            return "created, not joined";
        }
        return container.name().isEmpty() || container.id().isEmpty() ? "netns " + container.sandbox()
                : "id " + ShortIds.of(container.id());
    }

    private static String address(TopologyInterface inside) {
        if (!inside.ipv4Address().isEmpty()) {
            return inside.ipv4Address();
        }
        return inside.ipv6Address().isEmpty() ? inside.mac() : inside.ipv6Address();
    }

    private static String interfaceNote(TopologyInterface inside) {
        String note = String.join("\n", inside.mdnpName() + " (created by mdnp) ↔ " + inside.hostIfName(),
                inside.ipv6Address(), inside.mac(), DriftNotes.about("veth " + inside.mdnpName(), inside.drift()));
        return note.replaceAll("\n+", "\n").strip();
    }

    private static String counters(LinkStatus inside, String problem, boolean joined) {
        if (inside.inKernel()) {
            return bytes(inside);
        }
        if (!problem.isEmpty()) {
            return "not read: " + problem;
        }
        return joined ? "counters not read" : "not in a container";
    }

    private static String bytes(LinkStatus link) {
        return "rx " + ByteSizes.human(link.rxBytes()) + " · tx " + ByteSizes.human(link.txBytes());
    }

    private static String state(LinkStatus link) {
        return link.inKernel() ? link.operState() : "not in kernel";
    }

    private void markTraffic(VBox box, String hostIfName) {
        if (traffic.contains(hostIfName)) {
            box.getStyleClass().add(TRAFFIC);
        }
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

    private Line wire(double fromX, double fromY, double toX, double toY, Drift drift, boolean notJoined,
            String hostIfName) {
        Line wire = new Line(fromX, fromY, toX, toY);
        wire.getStyleClass().add("topology-wire");
        if (drift != Drift.NONE) {
            wire.getStyleClass().add(DRIFT);
        }
        if (notJoined) {
            wire.getStyleClass().add(NOT_JOINED);
        }
        if (traffic.contains(hostIfName)) {
            wire.getStyleClass().add(TRAFFIC);
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

    /** A published port; a long one is cut in the box, so its tooltip says it whole. */
    private static Label portLabel(String published) {
        Label port = label("port " + published);
        port.setTooltip(new Tooltip("published " + published));
        return port;
    }

    private static Label label(String text) {
        return new Label(text);
    }

    static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("topology-muted");
        return label;
    }
}
