package dev.mdnp.inspector.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mdnp.daemon.crash.PluginCalls;
import dev.mdnp.inspector.app.InspectorWindow;
import dev.mdnp.inspector.testsupport.LiveDaemon;
import dev.mdnp.inspector.testsupport.LiveDaemonExtension;
import dev.mdnp.inspector.testsupport.Windows;
import dev.mdnp.model.inspect.RequestRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
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
 * Renders the README's screenshots of the main views, light and dark: the request log with a call's kernel operations
 * and an endpoint's lifecycle, and the topology, on a real daemon holding two networks and three containers. Each
 * image must fill the window and show more than one colour. They are written to {@code target/screenshots}, or to the
 * {@code mdnp.screenshot.dir} property, which {@code scripts/screenshots} sets to {@code docs/images}.
 */
@Tag("kernel")
@ExtendWith(ApplicationExtension.class)
class InspectorScreenshotsKernelTest {

    private static final String FRONT = "f1".repeat(32);
    private static final String BACK = "b2".repeat(32);
    private static final String WEB = "0e".repeat(32);
    private static final String DB = "db".repeat(32);
    private static final String WORKER = "a7".repeat(32);
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final LiveDaemonExtension daemon = new LiveDaemonExtension(InspectorScreenshotsKernelTest::classroom);

    @TempDir
    static Path preferences;

    private final AtomicReference<InspectorWindow> window = new AtomicReference<>();

    /** Two networks, three containers (one left again) and a refused call. */
    private static void classroom(LiveDaemon live) throws Exception {
        live.networkWithContainer(FRONT, "10.236.1.0/24", WEB);
        live.networkWithContainer(BACK, "10.236.2.0/24", DB);
        try (PluginCalls calls = live.calls()) {
            calls.createEndpoint(BACK, WORKER, "10.236.2.9/24");
            calls.join(BACK, WORKER);
            calls.leave(BACK, WORKER);
            calls.join(BACK, "ee".repeat(32)); // refused: no such endpoint
        } catch (PluginCalls.RefusedCallException expected) {
            // the error shows in the log, as intended
        }
    }

    @Start
    void open(Stage stage) {
        window.set(Windows.live(stage, daemon.get().inspectSocket(), preferences));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.get().close());
    }

    @Test
    void mainViewsLightAndDark(FxRobot robot) throws Exception {
        TableView<RequestRecord> requests = robot.lookup("#requestTable").queryTableView();
        await().atMost(WAIT).until(() -> requests.getItems().stream().anyMatch(call -> !call.ok())
                && window.get().session().store().endpoints().size() == 3);
        RequestRecord create = requests.getItems().stream()
                .filter(call -> call.method().equals("NetworkDriver.CreateEndpoint") && call.endpointId().equals(WEB))
                .findFirst().orElseThrow();
        robot.interact(() -> {
            window.get().models().log().filterBar().hideChatterProperty().set(true);
            requests.getSelectionModel().select(create);
            robot.lookup("#detailTabs").queryAs(TabPane.class).getSelectionModel().select(4);
            window.get().models().lifecycle().endpointIdProperty().unbind();
            window.get().models().lifecycle().endpointIdProperty().set(WORKER);
        });

        for (String theme : new String[] {"light", "dark"}) {
            robot.interact(() -> {
                robot.lookup("#mainTabs").queryAs(TabPane.class).getSelectionModel().select(0);
                robot.lookup("#mainSplit").queryAs(SplitPane.class).setDividerPositions(0.5, 0.82);
            });
            shoot(robot, "inspector-requests-" + theme + ".png");
            robot.interact(() -> {
                robot.lookup("#mainTabs").queryAs(TabPane.class).getSelectionModel().select(4);
                robot.lookup("#mainSplit").queryAs(SplitPane.class).setDividerPositions(0.99, 0.995);
            });
            shoot(robot, "inspector-topology-" + theme + ".png");
            robot.interact(() -> robot.lookup("#themeToggle").queryButton().fire());
        }
    }

    private void shoot(FxRobot robot, String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        Path dir = Path.of(System.getProperty("mdnp.screenshot.dir", "target/screenshots"));
        Files.createDirectories(dir);
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(robot.window(0).getScene().snapshot(null)));
        Scene scene = robot.window(0).getScene();
        assertThat(image.get().getWidth()).as(name + " width").isEqualTo(Math.ceil(scene.getWidth()));
        assertThat(image.get().getHeight()).as(name + " height").isEqualTo(Math.ceil(scene.getHeight()));
        assertThat(colours(image.get())).as(name + " is not blank").isGreaterThan(1);
        ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", dir.resolve(name).toFile());
    }

    /** Counts the distinct colours of every 8th pixel of every 8th row, stopping at 2. */
    private static int colours(WritableImage image) {
        PixelReader pixels = image.getPixelReader();
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight() && seen.size() < 2; y += 8) {
            for (int x = 0; x < image.getWidth() && seen.size() < 2; x += 8) {
                seen.add(pixels.getArgb(x, y));
            }
        }
        return seen.size();
    }
}
