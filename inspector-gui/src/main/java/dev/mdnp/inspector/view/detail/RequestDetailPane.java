package dev.mdnp.inspector.view.detail;

import static java.util.Objects.requireNonNull;

import dev.mdnp.inspector.export.CallText;
import dev.mdnp.inspector.model.ShortIds;
import dev.mdnp.inspector.view.requests.ClipboardText;
import dev.mdnp.inspector.viewmodel.PhaseRow;
import dev.mdnp.inspector.viewmodel.NetworkRow;
import dev.mdnp.inspector.viewmodel.RequestDetailViewModel;
import dev.mdnp.inspector.viewmodel.SummaryRow;
import dev.mdnp.model.inspect.ContainerRef;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.KernelOpRecord;
import dev.mdnp.model.inspect.NetworkView;
import dev.mdnp.model.inspect.PortView;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * The selected call in detail, as tabs: Summary, Request and Response (indented JSON, read-only, copyable), Timing
 * (a bar per phase), Kernel ops (in order, failures styled {@code op-error}) and Related (the network and endpoint
 * as the daemon holds them, by Docker's names when known, one fact a line, scrolling rather than cutting), with a
 * "Copy as curl" button above.
 */
public final class RequestDetailPane {

    private static final double BAR_WIDTH = 320;

    private final RequestDetailViewModel detail;
    private final BorderPane pane = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final GridPane timing = new GridPane();
    private final VBox related = new VBox(8);

    /** Builds the pane over {@code detail}. */
    public RequestDetailPane(RequestDetailViewModel detail) {
        this.detail = requireNonNull(detail, "detail");
        pane.setId("requestDetail");
        pane.getStyleClass().add("request-detail");
        tabs.setId("detailTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(
                new Tab("Summary", summaryTable()),
                new Tab("Request", jsonBox("requestJson", detail.requestJsonProperty())),
                new Tab("Response", jsonBox("responseJson", detail.responseJsonProperty())),
                new Tab("Timing", timingBox()),
                new Tab("Kernel ops", kernelOpsTable()),
                new Tab("Related", relatedScroll()));
        pane.setTop(header());
        pane.setCenter(tabs);
    }

    /** Returns the pane's node. */
    public Node node() {
        return pane;
    }

    private Node header() {
        Button curl = new Button("Copy as curl");
        curl.setId("copyCurl");
        curl.disableProperty().bind(detail.curlProperty().isEmpty());
        curl.setOnAction(event -> ClipboardText.put(detail.curlProperty().get()));
        HBox header = new HBox(curl);
        header.setAlignment(Pos.CENTER_RIGHT);
        header.setPadding(new Insets(4));
        return header;
    }

    private Node summaryTable() {
        TableView<SummaryRow> table = new TableView<>(detail.summary());
        table.setId("summaryTable");
        table.getColumns().add(column("Field", SummaryRow::key, 100));
        table.getColumns().add(column("Value", SummaryRow::value, 480));
        table.setPlaceholder(new Label("Select a call"));
        return table;
    }

    private static Node jsonBox(String id, ReadOnlyStringProperty json) {
        TextArea text = new TextArea();
        text.setId(id);
        text.getStyleClass().add("json-text");
        text.setEditable(false);
        text.textProperty().bind(json);
        Button copy = new Button("Copy");
        copy.setId(id + "Copy");
        copy.disableProperty().bind(json.isEmpty());
        copy.setOnAction(event -> ClipboardText.put(json.get()));
        HBox actions = new HBox(copy);
        actions.setAlignment(Pos.CENTER_RIGHT);
        VBox box = new VBox(4, text, actions);
        VBox.setVgrow(text, Priority.ALWAYS);
        box.setPadding(new Insets(4));
        return box;
    }

    private Node timingBox() {
        timing.setId("timing");
        timing.getStyleClass().add("phase-timing");
        timing.setHgap(8);
        timing.setVgap(4);
        timing.setPadding(new Insets(8));
        detail.phases().addListener((ListChangeListener<PhaseRow>) change -> fillTiming());
        return timing;
    }

    private void fillTiming() {
        timing.getChildren().clear();
        int row = 0;
        for (PhaseRow phase : detail.phases()) {
            Region bar = new Region();
            bar.getStyleClass().addAll("timing-segment", "timing-" + phase.name());
            double width = Math.max(1, BAR_WIDTH * phase.fraction());
            bar.setMinWidth(width);
            bar.setPrefWidth(width);
            bar.setMaxWidth(width);
            Label amount = new Label(String.format(Locale.ROOT, "%s ms  %.0f %%", CallText.millis(phase.micros()),
                    phase.fraction() * 100));
            timing.addRow(row++, new Label(phase.name()), bar, amount);
        }
    }

    private Node kernelOpsTable() {
        TableView<KernelOpRecord> table = new TableView<>(detail.kernelOps());
        table.setId("kernelOps");
        table.setPlaceholder(new Label("This call changed nothing in the kernel"));
        TableColumn<KernelOpRecord, KernelOpRecord> order = new TableColumn<>("#");
        order.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        order.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(KernelOpRecord op, boolean empty) {
                super.updateItem(op, empty);
                setText(empty || op == null ? null : Integer.toString(getIndex() + 1));
            }
        });
        order.setPrefWidth(40);
        order.setSortable(false);
        table.getColumns().add(order);
        table.getColumns().add(column("Operation", KernelOpRecord::operation, 180));
        table.getColumns().add(targetColumn());
        table.getColumns().add(column("Duration", op -> CallText.millis(op.durationMicros()) + " ms", 110));
        table.getColumns().add(column("Result", op -> op.ok() ? "OK" : op.error(), 240));
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(KernelOpRecord op, boolean empty) {
                super.updateItem(op, empty);
                getStyleClass().remove("op-error");
                if (!empty && op != null && !op.ok()) {
                    getStyleClass().add("op-error");
                }
            }
        });
        return table;
    }

    /**
     * The target column: wide enough for a few published ports ({@code 0.0.0.0:32768->80/tcp, [::]:32768->80/tcp});
     * its tooltip shows the whole target, one comma-separated item a line.
     */
    private static TableColumn<KernelOpRecord, String> targetColumn() {
        TableColumn<KernelOpRecord, String> target = column("Target", KernelOpRecord::target, 320);
        target.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(@Nullable String text, boolean empty) {
                super.updateItem(text, empty);
                boolean none = empty || text == null || text.isEmpty();
                setText(none ? null : text);
                setTooltip(none ? null : new Tooltip(text.replace(", ", "\n")));
            }
        });
        return target;
    }

    /** The related network and endpoint, one fact a line, scrolling when the pane is low or narrow. */
    private Node relatedScroll() {
        ScrollPane scroll = new ScrollPane(relatedBox());
        scroll.setId("relatedScroll");
        scroll.setFitToWidth(false);
        return scroll;
    }

    private Node relatedBox() {
        related.setId("related");
        related.setPadding(new Insets(8));
        detail.networkProperty().addListener((Observable changed) -> fillRelated());
        detail.endpointProperty().addListener((Observable changed) -> fillRelated());
        detail.selectedProperty().addListener((Observable changed) -> fillRelated());
        fillRelated();
        return related;
    }

    private void fillRelated() {
        related.getChildren().setAll(
                section("Network", describe(detail.networkProperty().get())),
                section("Endpoint", describe(detail.endpointProperty().get())));
    }

    private static Node section(String title, String body) {
        Label heading = new Label(title);
        heading.getStyleClass().add("related-title");
        Label text = new Label(body);
        text.getStyleClass().add("related-text");
        text.setMinWidth(Region.USE_PREF_SIZE);
        text.setMinHeight(Region.USE_PREF_SIZE);
        return new VBox(2, heading, text);
    }

    private static String describe(@Nullable NetworkView network) {
        if (network == null) {
            return "none, or not known to the daemon now";
        }
        return String.join("\n",
                network.displayName() + (network.name().isEmpty() ? "" : "  (" + ShortIds.of(network.id()) + ")"),
                "bridge " + network.bridge() + "   MTU " + NetworkRow.mtuText(network.mtu()),
                "IPv4 " + String.join(", ", network.ipv4Subnets()) + "   IPv6 "
                        + (network.ipv6Subnets().isEmpty() ? "none" : String.join(", ", network.ipv6Subnets())),
                "gateways " + String.join(", ", network.gateways()),
                network.endpoints() + " endpoints   options " + network.options());
    }

    private static String describe(@Nullable EndpointView endpoint) {
        if (endpoint == null) {
            return "none, or not known to the daemon now";
        }
        ContainerRef container = endpoint.container();
        String owner = container.isUnknown() ? "container not known"
                : "container " + (container.name().isEmpty() ? ShortIds.of(container.id()) : container.name())
                        + (container.aliases().isEmpty() ? "" : "   aliases " + String.join(", ", container.aliases()));
        return String.join("\n",
                ShortIds.of(endpoint.id()) + "  on " + ShortIds.of(endpoint.networkId()),
                owner,
                "host veth " + endpoint.hostIfName() + "   container interface " + endpoint.containerIfName(),
                "MAC " + endpoint.mac(),
                "IPv4 " + endpoint.ipv4Address() + "   IPv6 "
                        + (endpoint.ipv6Address().isEmpty() ? "none" : endpoint.ipv6Address()),
                endpoint.joined() ? "joined " + endpoint.sandboxKey() : "not joined",
                "ports " + (endpoint.ports().isEmpty() ? "none published"
                        : endpoint.ports().stream().map(PortView::text).collect(Collectors.joining(", "))));
    }

    private static <S> TableColumn<S, String> column(String title, Function<S, String> value, double width) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
