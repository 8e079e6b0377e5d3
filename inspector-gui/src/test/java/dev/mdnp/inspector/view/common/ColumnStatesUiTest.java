package dev.mdnp.inspector.view.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ColumnStatesUiTest {

    private TableView<String> table;

    private static TableColumn<String, String> column(@Nullable String id, String text, double width) {
        TableColumn<String, String> column = new TableColumn<>(text);
        if (id != null) {
            column.setId(id);
        }
        column.setPrefWidth(width);
        return column;
    }

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        table.getColumns().addAll(List.of(column("seq", "#", 50), column("method", "Method", 150),
                column(null, "Result", 80)));
        stage.setScene(new Scene(table, 600, 300));
        stage.show();
    }

    @Test
    void captureNamesColumnsByIdOrHeaderInDisplayOrder() {
        WaitForAsyncUtils.waitForFxEvents();
        List<ColumnState> states = ColumnStates.capture(table);

        assertThat(states).containsExactly(new ColumnState("seq", 50, true), new ColumnState("method", 150, true),
                new ColumnState("Result", 80, true));
    }

    @Test
    void restorePutsBackOrderWidthsAndVisibility(FxRobot robot) {
        robot.interact(() -> ColumnStates.restore(table, List.of(new ColumnState("Result", 90, true),
                new ColumnState("seq", 70, false), new ColumnState("gone", 10, true))));

        assertThat(table.getColumns()).extracting(TableColumn::getText).containsExactly("Result", "#", "Method");
        assertThat(table.getColumns().get(0).getPrefWidth()).isEqualTo(90);
        assertThat(table.getColumns().get(1).isVisible()).isFalse();
        assertThat(table.getColumns().get(2).isVisible()).isTrue();
    }

    @Test
    void whatIsCapturedRestoresToTheSameColumns(FxRobot robot) {
        robot.interact(() -> {
            table.getColumns().get(1).setVisible(false);
            table.getColumns().add(0, table.getColumns().remove(2));
        });
        List<ColumnState> saved = ColumnStates.capture(table);
        robot.interact(() -> {
            table.getColumns().setAll(List.of(column("seq", "#", 50), column("method", "Method", 150),
                    column(null, "Result", 80)));
            ColumnStates.restore(table, saved);
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(ColumnStates.capture(table)).isEqualTo(saved);
    }
}
