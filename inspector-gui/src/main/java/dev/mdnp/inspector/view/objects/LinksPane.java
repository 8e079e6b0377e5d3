package dev.mdnp.inspector.view.objects;

import dev.mdnp.inspector.viewmodel.ByteSizes;
import dev.mdnp.inspector.viewmodel.LinkRow;
import dev.mdnp.inspector.viewmodel.LinksViewModel;
import javafx.scene.layout.StackPane;

/**
 * The links tab: a table (id {@code linksTable}) of the bridges and veth ends the kernel has for mdnp, with their
 * counters and drift.
 */
public final class LinksPane extends StackPane {

    /** Builds the table over {@code model}'s rows. */
    public LinksPane(LinksViewModel model) {
        getChildren().add(new ObjectTable<>("linksTable", model.rows(),
                "No links yet: mdnp's bridges and veths show here once a network exists")
                .mono("Name", 150, LinkRow::name)
                .text("Kind", 70, LinkRow::kind)
                .mono("Peer", 150, LinkRow::peer)
                .mono("Master", 150, LinkRow::master)
                .number("MTU", 70, row -> (long) row.mtu(), mtu -> mtu == 0 ? "" : mtu.toString())
                .mono("MAC", 160, LinkRow::mac)
                .text("State", 150, LinkRow::state)
                .number("RX", 90, LinkRow::rxBytes, ByteSizes::human)
                .number("TX", 90, LinkRow::txBytes, ByteSizes::human)
                .mono("Network", 130, LinkRow::networkShortId)
                .mono("Endpoint", 130, LinkRow::endpointShortId)
                .drift("Drift", 170)
                .table());
    }
}
