package dev.mdnp.inspector.view.objects;

import dev.mdnp.inspector.model.AddressUse;
import dev.mdnp.inspector.viewmodel.NetworkRow;
import dev.mdnp.inspector.viewmodel.NetworksViewModel;
import java.util.Locale;
import java.util.function.ToLongFunction;
import javafx.scene.layout.StackPane;
import org.jspecify.annotations.Nullable;

/**
 * The networks tab: a table (id {@code networksTable}) of mdnp's networks, by Docker's name when known, with their
 * address use and drift.
 */
public final class NetworksPane extends StackPane {

    /** Builds the table over {@code model}'s rows. */
    public NetworksPane(NetworksViewModel model) {
        getChildren().add(new ObjectTable<>("networksTable", model.rows(),
                "No networks yet: docker network create -d mdnp demo")
                .text("Name", 140, NetworkRow::name)
                .mono("ID", 130, NetworkRow::shortId)
                .mono("Bridge", 150, NetworkRow::bridge)
                .text("Subnets", 200, NetworkRow::subnets)
                .text("Gateways", 200, NetworkRow::gateways)
                .number("MTU", 80, row -> (long) row.mtu(), mtu -> NetworkRow.mtuText(mtu.intValue()))
                .text("Options", 260, NetworkRow::options)
                .number("Endpoints", 90, row -> (long) row.endpoints(), Object::toString)
                .number("Used", 80, row -> use(row, AddressUse::used), NetworksPane::count)
                .number("Free", 110, row -> use(row, AddressUse::free), NetworksPane::count)
                .drift("State", 170)
                .table());
    }

    private static @Nullable Long use(NetworkRow row, ToLongFunction<AddressUse> part) {
        AddressUse use = row.addresses();
        return use == null ? null : part.applyAsLong(use);
    }

    private static String count(long addresses) {
        return addresses == Long.MAX_VALUE ? "2⁶³ or more" : String.format(Locale.ROOT, "%,d", addresses);
    }
}
