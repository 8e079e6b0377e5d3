package dev.mdnp.inspector.view.objects;

import dev.mdnp.inspector.viewmodel.EndpointRow;
import dev.mdnp.inspector.viewmodel.EndpointsViewModel;
import javafx.scene.layout.StackPane;

/**
 * The endpoints tab: a table (id {@code endpointsTable}) of mdnp's endpoints with their container's name and aliases
 * (when Docker's are known), network, veths, drift and published ports.
 */
public final class EndpointsPane extends StackPane {

    /** Builds the table over {@code model}'s rows. */
    public EndpointsPane(EndpointsViewModel model) {
        getChildren().add(new ObjectTable<>("endpointsTable", model.rows(),
                "No endpoints yet: docker run --rm -it --network demo busybox")
                .text("Container", 140, EndpointRow::containerName)
                .text("Aliases", 140, row -> String.join(", ", row.aliases()))
                .mono("ID", 130, EndpointRow::shortId)
                .text("Network", 130, EndpointRow::networkLabel)
                .text("IPv4", 130, EndpointRow::ipv4Address)
                .text("IPv6", 170, EndpointRow::ipv6Address)
                .mono("MAC", 160, EndpointRow::mac)
                .mono("Host veth", 150, EndpointRow::hostIfName)
                .mono("Container interface", 210, EndpointRow::containerInterface)
                .text("State", 80, EndpointRow::state)
                .monoList("Ports", 260, EndpointRow::ports)
                .drift("Drift", 170)
                .mono("Sandbox", 300, EndpointRow::sandboxKey)
                .table());
    }
}
