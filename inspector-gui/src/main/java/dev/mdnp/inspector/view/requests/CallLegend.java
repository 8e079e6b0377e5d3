package dev.mdnp.inspector.view.requests;

import dev.mdnp.inspector.model.MethodGroup;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;

/**
 * The request log's legend, a button ({@code #legendButton}) that opens what the method dots' colours and the
 * timing bars' colours mean, drawn with the same style classes as the table.
 */
final class CallLegend {

    private static final List<String[]> PHASES = List.of(
            new String[] {"decode", "reading the request"},
            new String[] {"driver", "mdnp's own work"},
            new String[] {"kernel", "netlink, sysctls, iptables"},
            new String[] {"store", "the durable commit"},
            new String[] {"encode", "writing the reply"},
            new String[] {"other", "the rest of the call"});

    private CallLegend() {
    }

    /** Returns the button that opens the legend. */
    static Node button() {
        GridPane grid = new GridPane();
        grid.setId("legend");
        grid.getStyleClass().add("call-legend");
        grid.setHgap(8);
        grid.setVgap(4);
        grid.setPadding(new Insets(8));
        int row = 0;
        grid.add(heading("Method dot"), 0, row++, 3, 1);
        for (MethodGroup group : MethodGroup.values()) {
            Circle dot = new Circle(4);
            dot.getStyleClass().addAll("method-dot", "group-" + group.styleName());
            grid.addRow(row++, dot, new Label(group.styleName()),
                    new Label(methodsOf(group)));
        }
        grid.add(heading("Timing bar"), 0, row++, 3, 1);
        for (String[] phase : PHASES) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll("timing-segment", "timing-" + phase[0]);
            swatch.setMinWidth(24);
            grid.addRow(row++, swatch, new Label(phase[0]), new Label(phase[1]));
        }
        CustomMenuItem content = new CustomMenuItem(grid, false);
        MenuButton legend = new MenuButton("Legend", null, content);
        legend.setId("legendButton");
        return legend;
    }

    private static Label heading(String text) {
        Label heading = new Label(text);
        heading.getStyleClass().add("legend-title");
        return heading;
    }

    private static String methodsOf(MethodGroup group) {
        return switch (group) {
            case HANDSHAKE -> "Plugin.Activate, GetCapabilities";
            case NETWORK -> "CreateNetwork, DeleteNetwork, AllocateNetwork, FreeNetwork";
            case ENDPOINT -> "CreateEndpoint, DeleteEndpoint, EndpointOperInfo";
            case JOIN_LEAVE -> "Join, Leave, Program/RevokeExternalConnectivity";
            case IPAM -> "RequestPool, RequestAddress, ReleaseAddress, ReleasePool";
            case OTHER -> "anything else";
        };
    }
}
