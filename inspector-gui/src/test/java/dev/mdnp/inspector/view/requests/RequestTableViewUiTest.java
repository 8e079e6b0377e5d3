package dev.mdnp.inspector.view.requests;

import static dev.mdnp.inspector.testsupport.CallBuilder.call;
import static dev.mdnp.inspector.testsupport.CallBuilder.updates;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.inspector.viewmodel.RequestLogViewModel;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.Clock;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class RequestTableViewUiTest {

    private final InspectorStore store = new InspectorStore();
    private TableView<RequestRecord> table;

    @Start
    void start(Stage stage) {
        RequestLogViewModel log = new RequestLogViewModel(store, Clock.systemDefaultZone());
        RequestTableView tableView = new RequestTableView(log);
        BorderPane root = new BorderPane(tableView.node());
        root.setTop(new RequestToolbar(log).node());
        stage.setScene(new Scene(root, 1280, 500));
        stage.show();
    }

    @BeforeEach
    void fill(FxRobot robot) {
        robot.interact(() -> store.apply(updates(
                call(1, "Plugin.Activate").build(),
                call(2, "NetworkDriver.CreateNetwork").network("8f6511a5c0ffee0123").phases(10, 200, 500, 100, 10)
                        .micros(900).build(),
                call(3, "NetworkDriver.Join").network("8f6511a5c0ffee0123").endpoint("1a2b3c4d5e6f7a8b")
                        .failed(500, "no such sandbox").build(),
                call(4, "NetworkDriver.Leave").network("8f6511a5c0ffee0123").endpoint("1a2b3c4d5e6f7a8b").build())));
        table = robot.lookup("#requestTable").queryTableView();
    }

    @Test
    void rowsAppearAndErrorsStandOut(FxRobot robot) {
        assertThat(table.getItems()).hasSize(4);
        assertThat(robot.lookup(".call-error").queryAll()).hasSize(1);
        assertThat(robot.lookup("Join").tryQuery()).isPresent();
        assertThat(robot.lookup(".table-cell").match(LabeledMatchers.hasText("8f6511a5c0ff")).queryAll()).hasSize(3);
    }

    @Test
    void typingAFilterNarrowsTheRows(FxRobot robot) {
        robot.clickOn("#filterField").write("ep:1a2b -status:error");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(table.getItems()).extracting(RequestRecord::seq).containsExactly(4L);
    }

    @Test
    void invalidFilterIsTintedAndExplained(FxRobot robot) {
        TextField field = robot.lookup("#filterField").queryAs(TextField.class);
        robot.interact(() -> field.setText("foo:bar"));

        assertThat(field.getStyleClass()).contains("filter-invalid");
        assertThat(field.getTooltip().getText()).contains("unknown filter key \"foo:\"");
        assertThat(table.getItems()).hasSize(4);
    }

    @Test
    void quickFilterNarrowsTheRows(FxRobot robot) {
        robot.clickOn("#quickErrors");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(table.getItems()).extracting(RequestRecord::seq).containsExactly(3L);
    }

    @Test
    void pauseHoldsRowsBackUntilResumed(FxRobot robot) {
        robot.clickOn("#pauseButton");
        robot.interact(() -> store.apply(updates(call(5, "NetworkDriver.DeleteEndpoint").build(),
                call(6, "NetworkDriver.DeleteNetwork").build())));

        ToggleButton pause = robot.lookup("#pauseButton").queryAs(ToggleButton.class);
        assertThat(table.getItems()).hasSize(4);
        assertThat(pause.getText()).isEqualTo("Resume (2 new)");
        robot.clickOn("#pauseButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(6);
        assertThat(pause.getText()).isEqualTo("Pause");
    }

    @Test
    void clearEmptiesTheTable(FxRobot robot) {
        robot.clickOn("#clearButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(table.getItems()).isEmpty();
    }
}
