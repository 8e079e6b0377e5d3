package dev.mdnp.inspector.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mdnp.inspector.app.InspectorWindow;
import dev.mdnp.inspector.testsupport.Windows;
import dev.mdnp.model.inspect.RequestRecord;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The whole window replaying a daemon's recording (18 calls: a network created, an endpoint joined, then all of it
 * removed again): the timeline goes to the end, where the tables are empty, and back, where they show the network
 * and its endpoint again; the connection bar says where the replay stands. No daemon is needed.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class InspectorReplaySeekUiTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int CALLS = 18;
    private static final int AFTER_JOIN = 11;

    @TempDir
    static Path dir;

    private final AtomicReference<InspectorWindow> window = new AtomicReference<>();

    @Start
    void open(Stage stage) throws URISyntaxException {
        Path session = Path.of(InspectorReplaySeekUiTest.class
                .getResource("/dev/mdnp/inspector/client/daemon-session.ndjson").toURI());
        window.set(Windows.replay(stage, session, dir));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.get().close());
    }

    private static String connectionText(FxRobot robot) {
        return robot.lookup("#connectionState").queryAs(Label.class).getText();
    }

    @Test
    void theTimelineGoesBackFromTheEmptyEndToTheStateAfterTheJoin(FxRobot robot) {
        Slider timeline = robot.lookup("#replayTimeline").queryAs(Slider.class);
        TableView<RequestRecord> requests = robot.lookup("#requestTable").queryTableView();
        TableView<?> networks = robot.lookup("#networksTable").queryTableView();
        TableView<?> endpoints = robot.lookup("#endpointsTable").queryTableView();
        await().atMost(WAIT).until(() -> timeline.getMax() == CALLS);

        robot.clickOn(timeline.lookup(".thumb")).type(KeyCode.END);
        await().atMost(WAIT).until(() -> requests.getItems().size() == CALLS);
        await().atMost(WAIT).until(() -> connectionText(robot).contains("ended"));
        assertThat(networks.getItems()).isEmpty();
        assertThat(connectionText(robot)).startsWith("replay ended — call 18 of 18, ")
                .endsWith("; showing the last state");

        robot.type(KeyCode.LEFT, CALLS - AFTER_JOIN);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(requests.getItems()).hasSize(AFTER_JOIN);
            assertThat(requests.getItems().get(AFTER_JOIN - 1).method()).isEqualTo("NetworkDriver.Join");
            assertThat(networks.getItems()).hasSize(1);
            assertThat(endpoints.getItems()).isNotEmpty();
        });
        assertThat(connectionText(robot)).startsWith("replay — call 11 of 18, ");
        assertThat(robot.lookup("#replayPosition").queryAs(Label.class).getText()).isEqualTo("11 / 18");
    }

    @Test
    void draggingTheThumbBackShowsTheEarlierCallsOnly(FxRobot robot) {
        Slider timeline = robot.lookup("#replayTimeline").queryAs(Slider.class);
        TableView<RequestRecord> requests = robot.lookup("#requestTable").queryTableView();
        await().atMost(WAIT).until(() -> timeline.getMax() == CALLS);
        Node thumb = timeline.lookup(".thumb");
        robot.clickOn(thumb).type(KeyCode.END);
        await().atMost(WAIT).until(() -> requests.getItems().size() == CALLS);

        robot.drag(thumb, MouseButton.PRIMARY).moveBy(-timeline.getWidth() / 2, 0).drop();

        await().atMost(WAIT).untilAsserted(() -> {
            int position = (int) Math.round(timeline.getValue());
            assertThat(position).isBetween(1, CALLS - 1);
            assertThat(requests.getItems()).hasSize(position);
            assertThat(connectionText(robot)).contains("call " + position + " of 18");
        });
        assertThat(connectionText(robot)).doesNotContain("connected", "closed");
    }
}
