package dev.mdnp.inspector.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mdnp.daemon.crash.PluginCalls;
import dev.mdnp.inspector.app.InspectorWindow;
import dev.mdnp.inspector.testsupport.LiveDaemon;
import dev.mdnp.inspector.testsupport.Windows;
import dev.mdnp.model.inspect.EndpointView;
import dev.mdnp.model.inspect.RequestRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The inspector window while its daemon is killed and started again: it shows the outage and reconnects. */
@Tag("kernel")
@ExtendWith(ApplicationExtension.class)
class InspectorReconnectKernelTest {

    private static final String NETWORK = "7a".repeat(32);
    private static final String ENDPOINT = "d4".repeat(32);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path preferences;

    private final AtomicReference<InspectorWindow> window = new AtomicReference<>();
    private LiveDaemon daemon;

    @Start
    void open(Stage stage) throws Exception {
        daemon = LiveDaemon.start();
        window.set(Windows.live(stage, daemon.inspectSocket(), preferences));
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        robot.interact(() -> window.get().close());
        daemon.close();
    }

    @Test
    void showsTheOutageAndReconnectsWhenTheDaemonIsBack(FxRobot robot) throws Exception {
        Label state = robot.lookup("#connectionState").queryAs(Label.class);
        TableView<RequestRecord> requests = robot.lookup("#requestTable").queryTableView();
        daemon.networkWithContainer(NETWORK, "10.234.0.0/24", ENDPOINT);
        await().atMost(WAIT).until(() -> requests.getItems().stream()
                .anyMatch(call -> call.method().equals("NetworkDriver.Join")));

        // Every state shown is recorded: the outage can be shorter than a poll of the label.
        List<String> shown = new CopyOnWriteArrayList<>();
        robot.interact(() -> state.textProperty().addListener((observable, was, now) -> shown.add(now)));

        daemon.restart();

        await().atMost(WAIT).until(() -> state.getText().startsWith("connected (daemon restarted once)"));
        assertThat(shown).as("the states shown").anyMatch(text -> text.startsWith("disconnected")
                || text.startsWith("connecting"));
        try (PluginCalls calls = daemon.calls()) {
            calls.leave(NETWORK, ENDPOINT);
        }
        await().atMost(WAIT).until(() -> requests.getItems().get(requests.getItems().size() - 1).method()
                .equals("NetworkDriver.Leave"));
        assertThat(requests.getItems()).extracting(RequestRecord::method).contains("NetworkDriver.Join");
        TableView<?> endpoints = robot.lookup("#endpointsTable").queryTableView();
        await().atMost(WAIT).untilAsserted(() -> assertThat(window.get().session().store().endpoints())
                .extracting(EndpointView::joined).containsExactly(false));
        assertThat(endpoints.getItems()).hasSize(1);
    }
}
