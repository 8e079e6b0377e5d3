package dev.mdnp.inspector.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mdnp.inspector.app.InspectorWindow;
import dev.mdnp.inspector.model.ReplaySpeed;
import dev.mdnp.inspector.testsupport.LiveDaemon;
import dev.mdnp.inspector.testsupport.Windows;
import dev.mdnp.model.inspect.RequestRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A session recorded by a real daemon ({@code --record}) replayed in the inspector, offline: the calls play in
 * order, step by step or at full speed, and the objects and the topology are rebuilt from them.
 */
@Tag("kernel")
@ExtendWith(ApplicationExtension.class)
class InspectorReplayKernelTest {

    private static final String NETWORK = "3b".repeat(32);
    private static final String ENDPOINT = "9f".repeat(32);
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    private static Path session;
    private static List<String> recordedMethods;

    private final AtomicReference<InspectorWindow> window = new AtomicReference<>();

    @BeforeAll
    static void recordASession() throws Exception {
        try (LiveDaemon daemon = LiveDaemon.startRecording()) {
            daemon.networkWithContainer(NETWORK, "10.235.0.0/24", ENDPOINT);
            await().atMost(WAIT).until(() -> Files.exists(daemon.recordFile())
                    && Files.readString(daemon.recordFile()).contains("NetworkDriver.Join"));
            session = Files.copy(daemon.recordFile(), dir.resolve("session.ndjson"));
        }
        recordedMethods = Files.readAllLines(session).stream()
                .map(line -> line.replaceAll(".*\"method\":\"([^\"]+)\".*", "$1")).toList();
    }

    @Start
    void open(Stage stage) {
        window.set(Windows.replay(stage, session, dir));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.get().close());
    }

    @Test
    void playsTheRecordedCallsInOrderAndRebuildsTheObjects(FxRobot robot) {
        TableView<RequestRecord> requests = robot.lookup("#requestTable").queryTableView();
        ComboBox<ReplaySpeed> speed = robot.lookup("#replaySpeed").queryComboBox();
        robot.interact(() -> speed.setValue(ReplaySpeed.MAX));
        robot.clickOn("#replayPlay");

        await().atMost(WAIT).until(() -> requests.getItems().size() == recordedMethods.size());
        assertThat(requests.getItems()).extracting(RequestRecord::method).isEqualTo(recordedMethods);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(robot.lookup("#networksTable").queryTableView().getItems()).hasSize(1);
            assertThat(robot.lookup("#endpointsTable").queryTableView().getItems()).hasSize(1);
        });
        assertThat(robot.lookup("#replayPosition").queryAs(Label.class).getText())
                .isEqualTo(recordedMethods.size() + " / " + recordedMethods.size());
        robot.clickOn("#topologyTab");
        assertThat(robot.lookup(node -> node.getId() != null && node.getId().startsWith("bridge-")).queryAll())
                .hasSize(1);
    }

    @Test
    void stepsOneCallAtATime(FxRobot robot) {
        TableView<RequestRecord> requests = robot.lookup("#requestTable").queryTableView();

        robot.clickOn("#replayStep");
        await().atMost(WAIT).until(() -> requests.getItems().size() == 1);
        robot.clickOn("#replayStep");
        await().atMost(WAIT).until(() -> requests.getItems().size() == 2);

        assertThat(requests.getItems()).extracting(RequestRecord::method)
                .isEqualTo(recordedMethods.subList(0, 2));
    }
}
