package dev.mdnp.inspector.view.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Captures a table's top-level columns (order, widths, visibility) as {@link ColumnState}s and restores them, for
 * the preferences kept between runs. A column is known by its id, or by its header text when it has none.
 */
public final class ColumnStates {

    private ColumnStates() {
    }

    /** Returns the table's columns as they are now, in display order. */
    public static List<ColumnState> capture(TableView<?> table) {
        List<ColumnState> states = new ArrayList<>();
        for (TableColumn<?, ?> column : table.getColumns()) {
            states.add(new ColumnState(name(column), column.getWidth(), column.isVisible()));
        }
        return states;
    }

    /**
     * Puts the table's columns back as saved: the saved ones first, in the saved order, with their widths and
     * visibility; then any column the saved list does not know (one added since), in its current order. Saved
     * columns the table no longer has are ignored. FX thread only.
     */
    public static <S> void restore(TableView<S> table, List<ColumnState> saved) {
        Map<String, TableColumn<S, ?>> byName = new HashMap<>();
        for (TableColumn<S, ?> column : table.getColumns()) {
            byName.putIfAbsent(name(column), column);
        }
        List<TableColumn<S, ?>> order = new ArrayList<>();
        for (ColumnState state : saved) {
            TableColumn<S, ?> column = byName.remove(state.name());
            if (column != null) {
                if (state.width() > 0) {
                    column.setPrefWidth(state.width());
                }
                column.setVisible(state.visible());
                order.add(column);
            }
        }
        for (TableColumn<S, ?> column : table.getColumns()) {
            if (!order.contains(column)) {
                order.add(column);
            }
        }
        table.getColumns().setAll(order);
    }

    private static String name(TableColumn<?, ?> column) {
        String id = column.getId();
        if (id != null && !id.isEmpty()) {
            return id;
        }
        return column.getText() == null ? "" : column.getText();
    }
}
