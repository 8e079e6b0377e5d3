package dev.mdnp.inspector.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mdnp.inspector.app.InspectorWindow;
import dev.mdnp.inspector.testsupport.LiveDaemonExtension;
import dev.mdnp.inspector.testsupport.Windows;
import dev.mdnp.model.inspect.KernelOpRecord;
import dev.mdnp.model.inspect.RequestRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole inspector window on a real daemon's inspect socket, the daemon fed with the calls Docker would send over
 * its plugin socket (no Docker engine): the tables fill, the filter narrows the log, a selected call shows its JSON
 * and kernel operations.
 */
@Tag("kernel")
@ExtendWith(ApplicationExtension.class)
class InspectorLiveKernelTest {

    private static final String NETWORK = "5e".repeat(32);
    private static final String ENDPOINT = "c0".repeat(32);
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final LiveDaemonExtension daemon = new LiveDaemonExtension(
            live -> live.networkWithContainer(NETWORK, "10.233.0.0/24", ENDPOINT));

    /** Each test its own: the window saves what a test typed, which would become the next test's filter. */
    @TempDir
    Path preferences;

    private final AtomicReference<InspectorWindow> window = new AtomicReference<>();

    @Start
    void open(Stage stage) {
        window.set(Windows.live(stage, daemon.get().inspectSocket(), preferences));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.get().close());
    }

    private static <T> TableView<T> table(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryTableView();
    }

    @Test
    void theTablesFillFromTheDaemon(FxRobot robot) {
        TableView<RequestRecord> requests = table(robot, "requestTable");
        await().atMost(WAIT).untilAsserted(() -> assertThat(requests.getItems()).extracting(RequestRecord::method)
                .containsSubsequence("NetworkDriver.CreateNetwork", "NetworkDriver.CreateEndpoint",
                        "NetworkDriver.Join"));
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(table(robot, "networksTable").getItems()).hasSize(1);
            assertThat(table(robot, "endpointsTable").getItems()).hasSize(1);
            assertThat(table(robot, "linksTable").getItems()).hasSizeGreaterThanOrEqualTo(2);
        });
        assertThat(robot.lookup("#connectionState").queryAs(Label.class).getText()).isEqualTo("connected");
        assertThat(robot.lookup("#pluginVersion").queryAs(Label.class).getText()).startsWith("mdnpgui ");

        robot.clickOn("#topologyTab");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#topology").query().isVisible()).isTrue();
        assertThat(robot.lookup(node -> node.getId() != null && node.getId().startsWith("bridge-")).queryAll())
                .hasSize(1);
        assertThat(robot.lookup(node -> node.getId() != null && node.getId().startsWith("port-")).queryAll())
                .hasSize(1);
    }

    @Test
    void typingAFilterNarrowsTheLog(FxRobot robot) {
        TableView<RequestRecord> requests = table(robot, "requestTable");
        await().atMost(WAIT).until(() -> requests.getItems().size() >= 6);

        robot.interact(() -> robot.lookup("#filterField").queryAs(TextField.class).setText("method:Join"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(requests.getItems()).extracting(RequestRecord::method).containsOnly("NetworkDriver.Join");

        robot.interact(() -> robot.lookup("#filterField").queryAs(TextField.class).setText("method:"));
        assertThat(robot.lookup("#filterField").queryAs(TextField.class).getStyleClass()).contains("filter-invalid");
    }

    @Test
    void theFilterFieldSuggestsTheMethodsSeen(FxRobot robot) throws Exception {
        TableView<RequestRecord> requests = table(robot, "requestTable");
        await().atMost(WAIT).until(() -> requests.getItems().size() >= 6);

        robot.clickOn("#filterField").write("method:Jo");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".auto-complete-popup .list-cell")
                .queryAllAs(Labeled.class).stream().anyMatch(cell -> "method:Join".equals(cell.getText())));
    }

    @Test
    void selectingACallShowsItsJsonAndKernelOperations(FxRobot robot) {
        TableView<RequestRecord> requests = table(robot, "requestTable");
        await().atMost(WAIT).until(() -> requests.getItems().stream()
                .anyMatch(call -> call.method().equals("NetworkDriver.CreateNetwork")));
        RequestRecord create = requests.getItems().stream()
                .filter(call -> call.method().equals("NetworkDriver.CreateNetwork")).findFirst().orElseThrow();

        robot.interact(() -> requests.getSelectionModel().select(create));

        TextArea request = robot.lookup("#requestJson").queryAs(TextArea.class);
        assertThat(request.getText()).contains("\"NetworkID\" : \"" + NETWORK + "\"");
        TableView<KernelOpRecord> ops = table(robot, "kernelOps");
        assertThat(ops.getItems()).isNotEmpty().isEqualTo(create.kernelOps());
        Node curl = robot.lookup("#copyCurl").query();
        assertThat(curl.isDisabled()).isFalse();
    }
}
