package dev.mdnp.inspector.view.requests;

import static dev.mdnp.inspector.testsupport.CallBuilder.call;
import static dev.mdnp.inspector.testsupport.CallBuilder.updates;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.inspector.client.FeedUpdate;
import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.inspector.testsupport.ObjectsFixture;
import dev.mdnp.inspector.viewmodel.RequestLogViewModel;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
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

    private void dockerSession(FxRobot robot) {
        List<RequestRecord> calls = new ArrayList<>(ObjectsFixture.networkCalls(10));
        calls.addAll(ObjectsFixture.runCalls(13, '1', "10.77.0.2/24", 1_000));
        calls.addAll(ObjectsFixture.runCalls(17, '2', "10.77.0.3/24", 2_000));
        robot.interact(() -> {
            ObjectsFixture.show(store, ObjectsFixture.objects(
                    List.of(ObjectsFixture.named(ObjectsFixture.demoNetwork(2), "front")),
                    List.of(ObjectsFixture.endpoint('1', "10.77.0.2/24", true)
                                    .withContainer(ObjectsFixture.container("web")),
                            ObjectsFixture.endpoint('2', "10.77.0.3/24", true)
                                    .withContainer(ObjectsFixture.container("db"))),
                    List.of(), List.of()));
            store.apply(calls.stream().<FeedUpdate>map(FeedUpdate.Request::new).toList());
        });
    }

    private boolean cellSays(FxRobot robot, String text) {
        return robot.lookup("#requestTable .table-cell").match(LabeledMatchers.hasText(text)).tryQuery().isPresent();
    }

    @Test
    void ipamRowsNameTheirPoolAddressAndTheContainerAndNetworkTheyServed(FxRobot robot) {
        dockerSession(robot);
        robot.interact(() -> table.scrollTo(0));

        assertThat(cellSays(robot, "pool 10.77.0.0/24")).isTrue();
        assertThat(cellSays(robot, "gateway 10.77.0.1 of 10.77.0.0/24")).isTrue();
        assertThat(cellSays(robot, "10.77.0.2 of 10.77.0.0/24")).isTrue();
        assertThat(cellSays(robot, "web")).isTrue();
        assertThat(cellSays(robot, "front")).isTrue();
    }

    @Test
    void groupingByContainerShowsEachGroupWithItsTotalAndBackToNone(FxRobot robot) {
        dockerSession(robot);
        TableColumn<?, ?> group = table.getColumns().stream()
                .filter(column -> "groupColumn".equals(column.getId())).findFirst().orElseThrow();
        assertThat(group.isVisible()).isFalse();

        robot.clickOn("#groupChoice").clickOn("Group: Container");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> table.scrollTo(0));

        assertThat(group.isVisible()).isTrue();
        assertThat(cellSays(robot, "1a2b3c4d5e6f · 2 calls · 2.00 ms")).as("the first group to come").isTrue();
        assertThat(cellSays(robot, "web · 4 calls · 4.00 ms")).isTrue();
        assertThat(cellSays(robot, "db · 4 calls · 8.00 ms")).isTrue();
        assertThat(robot.lookup("#requestTable .table-row-cell.group-start").queryAll()).hasSizeGreaterThanOrEqualTo(2);

        robot.clickOn("#groupChoice").clickOn("Group: None");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(group.isVisible()).isFalse();
        assertThat(table.getItems().get(0).seq()).isEqualTo(1);
    }

    @Test
    void theLegendNamesTheMethodDotsAndTimingColours(FxRobot robot) {
        robot.clickOn("#legendButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#legend .method-dot").queryAll()).hasSize(6);
        assertThat(robot.lookup("#legend .timing-segment").queryAll()).hasSize(6);
        assertThat(robot.lookup("RequestPool, RequestAddress, ReleaseAddress, ReleasePool").tryQuery()).isPresent();
        robot.type(KeyCode.ESCAPE);
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
