package dev.mdnp.inspector.view.objects;

import dev.mdnp.inspector.viewmodel.DriftNotes;
import dev.mdnp.inspector.viewmodel.ObjectRow;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.jspecify.annotations.Nullable;

/**
 * Builds one object table: sortable over a view model's rows, with a column chooser, a placeholder that says how to
 * fill it, and rows whose object drifted carrying the style class {@code drift}.
 *
 * @param <R> the rows
 */
final class ObjectTable<R extends ObjectRow> {

    private static final String DRIFT = "drift";
    private static final String MONO = "mono";
    private static final String NONE = "—";

    private final TableView<R> table = new TableView<>();
    private @Nullable String selectedKey;

    ObjectTable(String id, ObservableList<R> rows, String placeholder) {
        table.setId(id);
        table.getStyleClass().add("object-table");
        rows.addListener((ListChangeListener<R>) change -> rememberSelection());
        SortedList<R> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        sorted.addListener((ListChangeListener<R>) change -> restoreSelection());
        table.setTableMenuButtonVisible(true);
        Label empty = new Label(placeholder);
        empty.getStyleClass().add("object-placeholder");
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        table.setRowFactory(view -> new DriftRow<>());
    }

    /** Adds a column of text, {@code width} pixels wide at first. */
    ObjectTable<R> text(String title, double width, Function<R, String> value) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        add(column, width);
        return this;
    }

    /** Adds a column of names or ids, in a monospace font. */
    ObjectTable<R> mono(String title, double width, Function<R, String> value) {
        text(title, width, value);
        table.getColumns().get(table.getColumns().size() - 1).getStyleClass().add(MONO);
        return this;
    }

    /**
     * Adds a column of short names in a monospace font, shown on one line separated by commas, with a tooltip that
     * lists them one per line; sorted by that line.
     */
    ObjectTable<R> monoList(String title, double width, Function<R, List<String>> values) {
        TableColumn<R, List<String>> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(values.apply(cell.getValue())));
        column.setComparator(Comparator.comparing(items -> String.join(", ", items)));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(@Nullable List<String> items, boolean empty) {
                super.updateItem(items, empty);
                boolean none = empty || items == null || items.isEmpty();
                setText(none ? null : String.join(", ", items));
                setTooltip(none ? null : new Tooltip(String.join("\n", items)));
            }
        });
        column.getStyleClass().add(MONO);
        add(column, width);
        return this;
    }

    /** Adds a column of numbers, sorted as numbers and shown by {@code format}; a null number shows as a dash. */
    ObjectTable<R> number(String title, double width, Function<R, @Nullable Long> value,
            Function<Long, String> format) {
        TableColumn<R, @Nullable Long> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(@Nullable Long item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? NONE : format.apply(item));
            }
        });
        column.getStyleClass().add("number");
        add(column, width);
        return this;
    }

    /** Adds the drift column: {@code OK}, or a ⚠ and a short label with a tooltip saying what is wrong. */
    ObjectTable<R> drift(String title, double width) {
        TableColumn<R, R> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setComparator(Comparator.comparing(ObjectRow::drift));
        column.setCellFactory(c -> new DriftCell<>());
        add(column, width);
        return this;
    }

    TableView<R> table() {
        return table;
    }

    /*
     * A new reading replaces a changed row, and TableView drops the selection of a replaced row. So the selected
     * row's key is noted before the change reaches the table (this listener on the rows was added before the sorted
     * list's) and selected again after (this listener on the sorted list was added after the table's).
     */
    private void rememberSelection() {
        R selected = table.getSelectionModel().getSelectedItem();
        selectedKey = selected == null ? null : selected.key();
    }

    private void restoreSelection() {
        R selected = table.getSelectionModel().getSelectedItem();
        if (selectedKey != null && (selected == null || !selected.key().equals(selectedKey))) {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).key().equals(selectedKey)) {
                    table.getSelectionModel().select(i);
                    break;
                }
            }
        }
        selectedKey = null;
    }

    private void add(TableColumn<R, ?> column, double width) {
        column.setPrefWidth(width);
        table.getColumns().add(column);
    }

    /** A row that carries the drift style class while its object drifted. */
    private static final class DriftRow<R extends ObjectRow> extends TableRow<R> {
        @Override
        protected void updateItem(@Nullable R item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove(DRIFT);
            if (!empty && item != null && item.drifted()) {
                getStyleClass().add(DRIFT);
            }
        }
    }

    /** The drift column's cell. */
    private static final class DriftCell<R extends ObjectRow> extends TableCell<R, R> {
        @Override
        protected void updateItem(@Nullable R item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove(DRIFT);
            if (empty || item == null) {
                setText(null);
                setTooltip(null);
            } else if (item.drifted()) {
                setText("⚠ " + DriftNotes.label(item.drift()));
                setTooltip(new Tooltip(item.driftNote()));
                getStyleClass().add(DRIFT);
            } else {
                setText(DriftNotes.label(item.drift()));
                setTooltip(null);
            }
        }
    }
}
