package dev.mdnp.inspector.view.requests;

import static java.util.Objects.requireNonNull;

import dev.mdnp.inspector.export.CallText;
import dev.mdnp.inspector.model.MethodGroup;
import dev.mdnp.inspector.model.CallContext;
import dev.mdnp.inspector.viewmodel.CallGrouping;
import dev.mdnp.inspector.viewmodel.RequestLogViewModel;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * The request log's table: #, time, method (with a dot coloured by {@link MethodGroup}), network and container (by
 * Docker's names, else short ids; an IPAM call's from its pool and address), an IPAM call's pool and address,
 * result, duration and a timing bar, sortable, failed calls styled {@code call-error}. While calls are grouped, a
 * group column comes first and names each group with its count and total time on the group's first row (styled
 * {@code group-start}); sorting by a column sorts within the groups. It keeps the newest call in view
 * until the user scrolls up; then a button in its corner ({@code #followButton}) counts the calls since and scrolls
 * back to follow again. Its placeholder says why it is empty: no calls yet, none matching, or an invalid filter.
 * The context menu copies a row or a {@code curl}
 * command and filters by the call's method, network or endpoint.
 */
public final class RequestTableView {

    private static final double DOT_RADIUS = 4;
    /** The longest method the table names, without its prefix. */
    private static final String LONGEST_METHOD = "ProgramExternalConnectivity";
    /** The cell's padding and the dot's gap, in ems of the cell's font, beside the dot and the method's text. */
    private static final double METHOD_EXTRA_EMS = 2.5;
    private static final String GROUP_START = "group-start";

    private final RequestLogViewModel log;
    private final TableView<RequestRecord> table = new TableView<>();
    private final StackPane node = new StackPane();

    /** Builds the table over {@code log}'s calls. */
    public RequestTableView(RequestLogViewModel log) {
        this.log = requireNonNull(log, "log");
        table.setId("requestTable");
        table.getStyleClass().add("request-table");
        table.setTableMenuButtonVisible(true);
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        Label placeholder = new Label();
        placeholder.setId("requestPlaceholder");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(log.placeholderProperty());
        table.setPlaceholder(placeholder);
        table.getColumns().addAll(List.of(groupColumn(), seqColumn(), timeColumn(), methodColumn(),
                contextColumn("Network", 130, CallContext::networkLabel),
                contextColumn("Container", 130, CallContext::containerLabel),
                contextColumn("Pool / address", 220, CallContext::ipamLabel),
                resultColumn(), durationColumn(), timingColumn()));
        table.setRowFactory(view -> new CallRow());
        table.setContextMenu(contextMenu());
        log.tableComparatorProperty().bind(table.comparatorProperty());
        // The log's list sorts itself (groups first, then the table's order), so the table only reports its order.
        table.setSortPolicy(view -> true);
        table.setItems(log.requests());
        TableTail tail = new TableTail(table, log.tail(), log::newestRow);
        Button resume = new Button();
        resume.setId("followButton");
        resume.getStyleClass().add("follow-paused");
        resume.textProperty().bind(log.tail().pausedTextProperty());
        resume.visibleProperty().bind(log.tail().followingProperty().not());
        resume.setOnAction(event -> tail.resume());
        StackPane.setAlignment(resume, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(resume, new Insets(0, 24, 24, 0));
        node.getChildren().addAll(table, resume);
        log.longestShownMicrosProperty().addListener((obs, old, now) -> table.refresh());
        log.groupsRevisionProperty().addListener((obs, old, now) -> table.refresh());
    }

    /** Returns the table with the button that resumes following in its corner. */
    public Node node() {
        return node;
    }

    /** Returns the selected call; null for none. Bind {@code RequestDetailViewModel}'s selection to it. */
    public ReadOnlyObjectProperty<RequestRecord> selectedCallProperty() {
        return table.getSelectionModel().selectedItemProperty();
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

    private TableColumn<RequestRecord, RequestRecord> groupColumn() {
        TableColumn<RequestRecord, RequestRecord> column = column("Group", call -> call);
        column.setId("groupColumn");
        column.setPrefWidth(260);
        column.setSortable(false);
        // Shown exactly while calls are grouped, whatever saved columns or the column chooser say.
        column.setVisible(grouped());
        log.groupingProperty().addListener((obs, old, now) -> column.setVisible(grouped()));
        column.visibleProperty().addListener((obs, old, visible) -> {
            if (visible != grouped()) {
                column.setVisible(grouped());
            }
        });
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(RequestRecord call, boolean empty) {
                super.updateItem(call, empty);
                setText(empty || call == null ? null : log.groupHeadingAt(getIndex()));
            }
        });
        column.getStyleClass().add("group-column");
        return column;
    }

    private boolean grouped() {
        return log.groupingProperty().get() != CallGrouping.NONE;
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
        column.setId("methodColumn");
        column.setPrefWidth(widthOfMethods(Font.getDefault()));
        column.setCellFactory(c -> new TableCell<>() {
            private final Circle dot = new Circle(DOT_RADIUS);

            {
                // Larger text (Ctrl +) widens the column so that the longest method still shows whole.
                fontProperty().addListener((obs, old, font) -> column.setPrefWidth(
                        Math.max(column.getPrefWidth(), widthOfMethods(font))));
            }

            @Override
            protected void updateItem(String method, boolean empty) {
                super.updateItem(method, empty);
                if (empty || method == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(CallText.shortMethod(method));
                dot.getStyleClass().setAll("method-dot", "group-" + MethodGroup.of(method).styleName());
                setGraphic(dot);
            }
        });
        return column;
    }

    private TableColumn<RequestRecord, String> contextColumn(String title, double width,
            Function<CallContext, String> label) {
        TableColumn<RequestRecord, String> column = column(title, call -> label.apply(log.contextOf(call)));
        column.setPrefWidth(width);
        return column;
    }

    private static TableColumn<RequestRecord, String> resultColumn() {
        TableColumn<RequestRecord, String> column = column("Result", CallText::result);
        column.setPrefWidth(80);
        return column;
    }

    private static TableColumn<RequestRecord, Long> durationColumn() {
        TableColumn<RequestRecord, Long> column = column("Duration", RequestRecord::durationMicros);
        column.setPrefWidth(95);
        column.setCellFactory(c -> textCell(micros -> CallText.millis(micros) + " ms", Pos.CENTER_RIGHT));
        return column;
    }

    private TableColumn<RequestRecord, RequestRecord> timingColumn() {
        TableColumn<RequestRecord, RequestRecord> column = column("Timing", call -> call);
        column.setPrefWidth(170);
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

    private static double widthOfMethods(Font font) {
        Text text = new Text(LONGEST_METHOD);
        text.setFont(font);
        return Math.ceil(text.getLayoutBounds().getWidth() + 2 * DOT_RADIUS + METHOD_EXTRA_EMS * font.getSize());
    }

    /** A row that carries {@code call-error} while it shows a failed call, {@code group-start} atop a group. */
    private final class CallRow extends TableRow<RequestRecord> {

        @Override
        protected void updateItem(RequestRecord call, boolean empty) {
            super.updateItem(call, empty);
            getStyleClass().removeAll("call-error", GROUP_START);
            if (!empty && call != null && !call.ok()) {
                getStyleClass().add("call-error");
            }
            if (!empty && call != null && !log.groupHeadingAt(getIndex()).isEmpty()) {
                getStyleClass().add(GROUP_START);
            }
        }
    }
}
