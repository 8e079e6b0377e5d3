package dev.mdnp.inspector.view.requests;

import static dev.mdnp.inspector.testsupport.CallBuilder.call;
import static dev.mdnp.inspector.testsupport.CallBuilder.updates;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.inspector.testsupport.ObjectsScene;
import dev.mdnp.inspector.viewmodel.CallGrouping;
import dev.mdnp.inspector.viewmodel.RequestLogViewModel;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.Clock;
import java.util.stream.LongStream;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The request table in the default window size: it follows new calls, pauses when scrolled up, explains emptiness. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class RequestTableFollowUiTest {

    private final InspectorStore store = new InspectorStore();
    private RequestLogViewModel log;

    @Start
    void start(Stage stage) {
        log = new RequestLogViewModel(store, Clock.systemDefaultZone());
        BorderPane root = new BorderPane(new RequestTableView(log).node());
        root.setTop(new RequestToolbar(log).node());
        ObjectsScene.show(stage, root, 1280, 800);
    }

    private void arrive(FxRobot robot, long from, long to) {
        robot.interact(() -> store.apply(updates(LongStream.rangeClosed(from, to)
                .mapToObj(seq -> call(seq, "NetworkDriver.Join").endpoint("e" + seq).build())
                .toArray(RequestRecord[]::new))));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TableView<?> table(FxRobot robot) {
        return robot.lookup("#requestTable").queryTableView();
    }

    private int lastVisibleRow(FxRobot robot) {
        VirtualFlow<?> flow = robot.lookup("#requestTable .virtual-flow").queryAs(VirtualFlow.class);
        return flow.getLastVisibleCell().getIndex();
    }

    private Button followButton(FxRobot robot) {
        return robot.lookup("#followButton").queryButton();
    }

    @Test
    void followsFromTheFirstCallThroughBursts(FxRobot robot) {
        arrive(robot, 1, 1);
        assertThat(lastVisibleRow(robot)).isZero();

        arrive(robot, 2, 31);
        arrive(robot, 32, 60);

        assertThat(lastVisibleRow(robot)).isEqualTo(59);
        assertThat(followButton(robot).isVisible()).isFalse();
    }

    @Test
    void groupedFollowingShowsTheNewestCallInsideItsGroup(FxRobot robot) {
        robot.interact(() -> log.groupingProperty().set(CallGrouping.NETWORK));
        arriveOn(robot, "n1", 1, 40);
        arriveOn(robot, "n2", 41, 70);

        arriveOn(robot, "n1", 71, 71);

        int newest = table(robot).getItems().indexOf(table(robot).getItems().stream()
                .filter(call -> ((RequestRecord) call).seq() == 71).findFirst().orElseThrow());
        assertThat(newest).as("the newest call sits at the end of the first group").isEqualTo(40);
        VirtualFlow<?> flow = robot.lookup("#requestTable .virtual-flow").queryAs(VirtualFlow.class);
        assertThat(flow.getFirstVisibleCell().getIndex()).isLessThanOrEqualTo(newest);
        assertThat(flow.getLastVisibleCell().getIndex()).isGreaterThanOrEqualTo(newest);
    }

    private void arriveOn(FxRobot robot, String network, long from, long to) {
        robot.interact(() -> store.apply(updates(LongStream.rangeClosed(from, to)
                .mapToObj(seq -> call(seq, "NetworkDriver.Join").network(network).endpoint("e" + seq).build())
                .toArray(RequestRecord[]::new))));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void scrollingUpPausesFollowingAndTheButtonResumesIt(FxRobot robot) {
        arrive(robot, 1, 60);
        robot.interact(() -> table(robot).requestFocus());
        robot.type(KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();

        arrive(robot, 61, 63);

        assertThat(log.tail().followingProperty().get()).isFalse();
        assertThat(lastVisibleRow(robot)).isLessThan(62);
        assertThat(followButton(robot).isVisible()).isTrue();
        assertThat(followButton(robot).getText()).isEqualTo("following paused — 3 new ↓");

        robot.clickOn("#followButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(log.tail().followingProperty().get()).isTrue();
        assertThat(lastVisibleRow(robot)).isEqualTo(62);
        assertThat(followButton(robot).isVisible()).isFalse();
        arrive(robot, 64, 64);
        assertThat(lastVisibleRow(robot)).isEqualTo(63);
    }

    @Test
    void theLongestMethodIsShownWhole(FxRobot robot) {
        robot.interact(() -> store.apply(updates(call(1, "NetworkDriver.ProgramExternalConnectivity").build())));

        assertThat(robot.lookup("#requestTable .table-cell .text").queryAllAs(Text.class))
                .extracting(Text::getText).contains("ProgramExternalConnectivity");
        assertThat(column(robot, "Result").getWidth()).isLessThan(column(robot, "Method").getWidth());
    }

    @Test
    void theLongestMethodStaysWholeWithLargerText(FxRobot robot) {
        robot.interact(() -> {
            table(robot).getScene().getRoot().setStyle("-fx-font-size: 28px;");
            store.apply(updates(call(1, "NetworkDriver.ProgramExternalConnectivity").build()));
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#requestTable .table-cell .text").queryAllAs(Text.class))
                .extracting(Text::getText).contains("ProgramExternalConnectivity");
    }

    private TableColumn<?, ?> column(FxRobot robot, String title) {
        return table(robot).getColumns().stream().filter(column -> column.getText().equals(title)).findFirst()
                .orElseThrow();
    }

    @Test
    void theEmptyTableSaysWhy(FxRobot robot) {
        Label placeholder = robot.lookup("#requestPlaceholder").queryAs(Label.class);
        assertThat(placeholder.getText()).startsWith("No calls yet.");

        arrive(robot, 1, 3);
        robot.interact(() -> log.filterBar().filterTextProperty().set("method:Leave"));
        assertThat(table(robot).getItems()).isEmpty();
        assertThat(placeholder.getText()).isEqualTo("No call matches the filter.");

        robot.interact(() -> log.filterBar().filterTextProperty().set("method:Leave foo:bar"));
        assertThat(placeholder.isVisible()).isTrue();
        assertThat(placeholder.getText()).startsWith("The filter is not valid: ").contains("unknown filter key");
    }
}
