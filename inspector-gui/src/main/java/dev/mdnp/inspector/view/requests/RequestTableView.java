package dev.mdnp.inspector.view.requests;

import static java.util.Objects.requireNonNull;

import dev.mdnp.inspector.export.CallText;
import dev.mdnp.inspector.model.MethodGroup;
import dev.mdnp.inspector.model.ShortIds;
import dev.mdnp.inspector.viewmodel.RequestLogViewModel;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.shape.Circle;

/**
 * The request log's table: #, time, method (with a dot coloured by {@link MethodGroup}), network, endpoint, result,
 * duration and a timing bar, sortable, failed calls styled {@code call-error}. It follows the newest call only while
 * the view is already scrolled to the bottom in arrival order. The context menu copies a row or a {@code curl}
 * command and filters by the call's method, network or endpoint.
 */
public final class RequestTableView {

    private static final double DOT_RADIUS = 4;

    private final RequestLogViewModel log;
    private final TableView<RequestRecord> table = new TableView<>();

    /** Builds the table over {@code log}'s calls. */
    public RequestTableView(RequestLogViewModel log) {
        this.log = requireNonNull(log, "log");
        table.setId("requestTable");
        table.getStyleClass().add("request-table");
        table.setTableMenuButtonVisible(true);
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setPlaceholder(new Label("No calls yet. Create a network with the plugin as driver to see them."));
        table.getColumns().addAll(List.of(seqColumn(), timeColumn(), methodColumn(),
                idColumn("Network", RequestRecord::networkId), idColumn("Endpoint", RequestRecord::endpointId),
                resultColumn(), durationColumn(), timingColumn()));
        table.setRowFactory(view -> new CallRow());
        table.setContextMenu(contextMenu());
        log.requests().comparatorProperty().bind(table.comparatorProperty());
        table.setItems(log.requests());
        log.requests().addListener((ListChangeListener<RequestRecord>) this::followTail);
        log.longestShownMicrosProperty().addListener((obs, old, now) -> table.refresh());
    }

    /** Returns the table node. */
    public Node node() {
        return table;
    }

    /** Returns the selected call; null for none. Bind {@code RequestDetailViewModel}'s selection to it. */
    public ReadOnlyObjectProperty<RequestRecord> selectedCallProperty() {
        return table.getSelectionModel().selectedItemProperty();
    }

    private void followTail(ListChangeListener.Change<? extends RequestRecord> change) {
        int added = 0;
        int removed = 0;
        while (change.next()) {
            added += change.getAddedSize();
            removed += change.getRemovedSize();
        }
        if (added == 0 || !table.getSortOrder().isEmpty()) {
            return;
        }
        int oldSize = change.getList().size() - added + removed;
        if (wasAtBottom(oldSize)) {
            table.scrollTo(change.getList().size() - 1);
        }
    }

    /** Reads the flow before it lays out the change: its last visible row shows where the user was. */
    private boolean wasAtBottom(int oldSize) {
        Node flow = table.lookup(".virtual-flow");
        if (!(flow instanceof VirtualFlow<?> virtualFlow)) {
            return true;
        }
        IndexedCell<?> last = virtualFlow.getLastVisibleCell();
        return last == null || last.getIndex() >= oldSize - 1;
    }

    private ContextMenu contextMenu() {
        MenuItem copyRow = item("Copy row", call -> ClipboardText.put(log.rowText(call)));
        MenuItem copyCurl = item("Copy as curl", call -> ClipboardText.put(log.curlCommand(call)));
        MenuItem byMethod = item("Filter by this method", log::filterByMethod);
        MenuItem byNetwork = item("Filter by this network", log::filterByNetwork);
        MenuItem byEndpoint = item("Filter by this endpoint", log::filterByEndpoint);
        MenuItem follow = item("Follow this endpoint", call -> log.followEndpoint(call.endpointId()));
        ContextMenu menu = new ContextMenu(copyRow, copyCurl, new SeparatorMenuItem(), byMethod, byNetwork,
                byEndpoint, new SeparatorMenuItem(), follow);
        menu.setOnShowing(event -> {
            RequestRecord call = table.getSelectionModel().getSelectedItem();
            boolean none = call == null;
            menu.getItems().forEach(item -> item.setDisable(none));
            if (!none) {
                byNetwork.setDisable(call.networkId().isEmpty());
                byEndpoint.setDisable(call.endpointId().isEmpty());
                follow.setDisable(call.endpointId().isEmpty());
            }
        });
        return menu;
    }

    private MenuItem item(String text, Consumer<RequestRecord> action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(event -> {
            RequestRecord call = table.getSelectionModel().getSelectedItem();
            if (call != null) {
                action.accept(call);
            }
        });
        return item;
    }

    private static TableColumn<RequestRecord, Long> seqColumn() {
        TableColumn<RequestRecord, Long> column = column("#", RequestRecord::seq);
        column.setPrefWidth(60);
        column.setCellFactory(c -> textCell(seq -> Long.toString(seq), Pos.CENTER_RIGHT));
        return column;
    }

    private TableColumn<RequestRecord, Instant> timeColumn() {
        TableColumn<RequestRecord, Instant> column = column("Time", RequestRecord::start);
        column.setPrefWidth(115);
        column.setCellFactory(c -> textCell(start -> CallText.time(start, log.zone()), Pos.CENTER_LEFT));
        return column;
    }

    private static TableColumn<RequestRecord, String> methodColumn() {
        TableColumn<RequestRecord, String> column = column("Method", RequestRecord::method);
        column.setPrefWidth(190);
        column.setCellFactory(c -> new TableCell<>() {
            private final Circle dot = new Circle(DOT_RADIUS);

            @Override
            protected void updateItem(String method, boolean empty) {
                super.updateItem(method, empty);
                if (empty || method == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(CallText.shortMethod(method));
                dot.getStyleClass().setAll("method-dot", groupClass(method));
                setGraphic(dot);
            }
        });
        return column;
    }

    private static TableColumn<RequestRecord, String> idColumn(String title, Function<RequestRecord, String> id) {
        TableColumn<RequestRecord, String> column = column(title, id);
        column.setPrefWidth(125);
        column.setCellFactory(c -> textCell(ShortIds::of, Pos.CENTER_LEFT));
        column.getStyleClass().add("id-column");
        return column;
    }

    private static TableColumn<RequestRecord, String> resultColumn() {
        TableColumn<RequestRecord, String> column = column("Result", CallText::result);
        column.setPrefWidth(200);
        return column;
    }

    private static TableColumn<RequestRecord, Long> durationColumn() {
        TableColumn<RequestRecord, Long> column = column("Duration", RequestRecord::durationMicros);
        column.setPrefWidth(120);
        column.setCellFactory(c -> textCell(micros -> CallText.millis(micros) + " ms", Pos.CENTER_RIGHT));
        return column;
    }

    private TableColumn<RequestRecord, RequestRecord> timingColumn() {
        TableColumn<RequestRecord, RequestRecord> column = column("Timing", call -> call);
        column.setPrefWidth(180);
        column.setSortable(false);
        column.setCellFactory(c -> new TimingBarCell(() -> log.longestShownMicrosProperty().get()));
        return column;
    }

    private static <T> TableColumn<RequestRecord, T> column(String title, Function<RequestRecord, T> value) {
        TableColumn<RequestRecord, T> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    private static <T> TableCell<RequestRecord, T> textCell(Function<T, String> format, Pos alignment) {
        TableCell<RequestRecord, T> cell = new TableCell<>() {
            @Override
            protected void updateItem(T value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : format.apply(value));
            }
        };
        cell.setAlignment(alignment);
        return cell;
    }

    private static String groupClass(String method) {
        return "group-" + MethodGroup.of(method).name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A row that carries {@code call-error} while it shows a failed call. */
    private static final class CallRow extends TableRow<RequestRecord> {

        @Override
        protected void updateItem(RequestRecord call, boolean empty) {
            super.updateItem(call, empty);
            getStyleClass().remove("call-error");
            if (!empty && call != null && !call.ok()) {
                getStyleClass().add("call-error");
            }
        }
    }
}
