package dev.mdnp.inspector.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mdnp.daemon.testsupport.E2ePlugin;
import dev.mdnp.inspector.app.InspectorWindow;
import dev.mdnp.inspector.testsupport.Windows;
import dev.mdnp.inspector.viewmodel.CallGrouping;
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
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the README's screenshots, light and dark, at 1280×800 from a real Docker session: networks {@code front}
 * and {@code back}, containers {@code web} (front, a published port), {@code app} (on both) and {@code db} (back),
 * and a ping from web to app lighting its veth pair. The request log is grouped by container with web's
 * CreateEndpoint selected and web's lifecycle below; the topology fits the window. Each image must fill the window and show more than one
 * colour. They are written to {@code target/screenshots}, or to the {@code mdnp.screenshot.dir} property, which
 * {@code scripts/screenshots} sets to {@code docs/images}.
 */
@Tag("e2e")
@ExtendWith(ApplicationExtension.class)
class InspectorScreenshotsE2eTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final E2ePlugin plugin = new E2ePlugin();

    @TempDir
    Path preferences;

    private final AtomicReference<InspectorWindow> window = new AtomicReference<>();

    @AfterEach
    void close(FxRobot robot) {
        if (window.get() != null) {
            robot.interact(() -> window.get().close());
        }
    }

    @Test
    void mainViewsLightAndDark(FxRobot robot) throws Exception {
        String front = plugin.networkNamed("front", "--subnet", "10.236.1.0/24");
        String back = plugin.networkNamed("back", "--subnet", "10.236.2.0/24");
        String web = plugin.containerNamed("web", front, "-p", "127.0.0.1::80");
        String app = plugin.containerNamed("app", front);
        plugin.docker().ok("network", "connect", back, app);
        plugin.containerNamed("db", back);
        String webEndpoint = plugin.docker().ok("inspect", "--format",
                "{{(index .NetworkSettings.Networks \"" + front + "\").EndpointID}}", web).trim();
        String appAddress = plugin.docker().ok("inspect", "--format",
                "{{(index .NetworkSettings.Networks \"" + front + "\").IPAddress}}", app).trim();
        open(robot);

        TableView<RequestRecord> requests = robot.lookup("#requestTable").queryTableView();
        await().atMost(WAIT).until(() -> requests.getItems().stream().anyMatch(call -> isCreateOf(call, webEndpoint))
                && window.get().session().store().endpoints().stream()
                        .filter(endpoint -> !endpoint.container().isUnknown()).count() == 4);
        robot.interact(() -> {
            window.get().models().log().filterBar().hideChatterProperty().set(true);
            window.get().models().log().groupingProperty().set(CallGrouping.CONTAINER);
            requests.getSelectionModel().select(requests.getItems().stream()
                    .filter(call -> isCreateOf(call, webEndpoint)).findFirst().orElseThrow());
            robot.lookup("#detailTabs").queryAs(TabPane.class).getSelectionModel().select(0);
            window.get().models().lifecycle().endpointIdProperty().unbind();
            window.get().models().lifecycle().endpointIdProperty().set(webEndpoint);
        });

        for (String theme : new String[] {"light", "dark"}) {
            robot.clickOn("#requestsTab");
            robot.interact(() -> {
                robot.lookup("#mainSplit").queryAs(SplitPane.class).setDividerPositions(0.42, 0.84);
                requests.scrollTo(Math.max(0, requests.getSelectionModel().getSelectedIndex() - 3));
            });
            shoot(robot, "inspector-requests-" + theme + ".png");
            robot.clickOn("#topologyTab");
            plugin.exec(web, "ping", "-c", "2", "-W", "1", appAddress);
            await().atMost(WAIT).until(() -> robot.lookup("#topologyScroll .traffic").tryQuery().isPresent());
            shoot(robot, "inspector-topology-" + theme + ".png");
            robot.interact(() -> robot.lookup("#themeToggle").queryButton().fire());
        }
    }

    private static boolean isCreateOf(RequestRecord call, String endpointId) {
        return call.method().equals("NetworkDriver.CreateEndpoint") && call.endpointId().equals(endpointId);
    }

    private void open(FxRobot robot) throws Exception {
        window.set(Windows.liveProjector(robot, plugin.daemon().launch().inspectSocket(), preferences));
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
