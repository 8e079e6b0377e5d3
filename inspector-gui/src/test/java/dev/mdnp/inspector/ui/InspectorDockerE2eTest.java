package dev.mdnp.inspector.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mdnp.daemon.testsupport.E2ePlugin;
import dev.mdnp.inspector.app.InspectorWindow;
import dev.mdnp.inspector.testsupport.Windows;
import dev.mdnp.inspector.viewmodel.CallGrouping;
import dev.mdnp.inspector.viewmodel.EndpointRow;
import dev.mdnp.model.inspect.RequestRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
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
 * The whole inspector window on a daemon that a real Docker engine drives: what a class sees after {@code docker
 * network create} and {@code docker run} — Docker's names, the container's {@code eth0}, a container on two networks
 * drawn once, counters that rise with a ping while no plugin call happens, the newest call in view after a burst,
 * and the last picture kept when the daemon goes away; and the README's screenshots of such a session. The window
 * opens inside each test, once the daemon of {@link E2ePlugin} runs (an {@code @Start} method would run before the
 * extension starts it).
 */
@Tag("e2e")
@ExtendWith(ApplicationExtension.class)
class InspectorDockerE2eTest {

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
    void dockersNamesAndTheContainersEth0ShowInTheTablesAndTheTopology(FxRobot robot) throws Exception {
        String front = plugin.networkNamed("front", "--subnet", "10.231.71.0/24");
        String web = plugin.containerNamed("web", front);

        open(robot);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(cells(robot, "networksTable")).contains(front);
            assertThat(cells(robot, "endpointsTable")).contains(web);
            assertThat(window.get().models().endpoints().rows()).singleElement()
                    .extracting(EndpointRow::containerInterface).asString().startsWith("eth0 (mdnpc");
        });
        robot.clickOn("#topologyTab");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(texts(robot.lookup("#container-" + web).queryAs(Parent.class))).contains(web);
            assertThat(interfaceNames(robot)).containsExactly("eth0");
            assertThat(robot.lookup("#topologyScroll .topology-bridge").queryAll().stream().flatMap(
                    bridge -> texts((Parent) bridge))).contains("network " + front);
        });
    }

    @Test
    void aContainerOnTwoNetworksIsDrawnOnceWithTwoInterfaces(FxRobot robot) throws Exception {
        String front = plugin.network("--subnet", "10.231.72.0/24");
        String back = plugin.network("--subnet", "10.231.73.0/24");
        String app = plugin.container(front);
        plugin.docker().ok("network", "connect", back, app);

        open(robot);
        robot.clickOn("#topologyTab");

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(robot.lookup("#topologyScroll .topology-container").queryAll().stream().map(Node::getId))
                    .containsExactly("container-" + app);
            assertThat(interfaceNames(robot)).containsExactlyInAnyOrder("eth0", "eth1");
        });
    }

    @Test
    void aPingRaisesTheCountersOnScreenWithoutAnyPluginCall(FxRobot robot) throws Exception {
        String network = plugin.network("--subnet", "10.231.74.0/24");
        String target = plugin.container(network);
        String pinger = plugin.container(network);
        String address = plugin.docker().ok("inspect", "--format",
                "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", target).trim();
        open(robot);
        robot.clickOn("#topologyTab");
        await().atMost(WAIT).until(() -> counters(robot, address).isPresent());
        String before = counters(robot, address).orElseThrow();
        long callsBefore = window.get().session().store().receivedProperty().get();

        long started = System.nanoTime();
        CompletableFuture<Void> ping = CompletableFuture.runAsync(() -> {
            try {
                plugin.exec(pinger, "ping", "-c", "3", "-W", "1", address);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });

        await().atMost(WAIT).until(() -> !counters(robot, address).orElse(before).equals(before));
        long shownAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        ping.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        System.out.printf("inspector: the counters rose on screen %d ms after the ping started (%s -> %s)%n",
                shownAfterMillis, before, counters(robot, address).orElse("?"));
        assertThat(window.get().session().store().receivedProperty().get())
                .as("plugin calls while the ping ran: the counters come from the poll, not from a call")
                .isEqualTo(callsBefore);
    }

    @Test
    void theNewestCallIsInViewAfterABurstOfCalls(FxRobot robot) throws Exception {
        open(robot);
        String network = plugin.network("--subnet", "10.231.75.0/24");
        for (int i = 0; i < 4; i++) {
            plugin.container(network);
        }
        TableView<?> requests = robot.lookup("#requestTable").queryTableView();

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(requests.getItems()).hasSizeGreaterThanOrEqualTo(4 * 4 + 3);
            WaitForAsyncUtils.waitForFxEvents();
            VirtualFlow<?> flow = robot.lookup("#requestTable .virtual-flow").queryAs(VirtualFlow.class);
            assertThat(flow.getLastVisibleCell().getIndex()).isEqualTo(requests.getItems().size() - 1);
        });
    }

    @Test
    void whenTheDaemonGoesAwayTheLastPictureStaysGreyed(FxRobot robot) throws Exception {
        String network = plugin.network("--subnet", "10.231.76.0/24");
        String container = plugin.container(network);
        open(robot);
        robot.clickOn("#topologyTab");
        await().atMost(WAIT).until(() -> robot.lookup("#container-" + container).tryQuery().isPresent());

        plugin.killDaemon();

        await().atMost(WAIT).until(() -> robot.lookup("#topologyStale").query().isVisible());
        assertThat(robot.lookup("#container-" + container).tryQuery()).isPresent();
        assertThat(interfaceNames(robot)).containsExactly("eth0");
    }

    /**
     * Renders the README's screenshots, light and dark, from a real Docker session: networks {@code front} and
     * {@code back}, containers {@code web} (front, a published port), {@code app} (on both) and {@code db} (back), and
     * a ping from web to app lighting its veth pair; the request log grouped by container with web's CreateEndpoint
     * selected and web's lifecycle below. Each image must fill the window and show more than one colour. They are
     * written to {@code target/screenshots}, or to the {@code mdnp.screenshot.dir} property, which
     * {@code scripts/screenshots} sets to {@code docs/images}.
     */
    @Test
    void readmeScreenshotsLightAndDark(FxRobot robot) throws Exception {
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

    /** The texts of every cell of the table {@code id}. */
    private static List<String> cells(FxRobot robot, String id) {
        return robot.lookup("#" + id + " .table-cell").queryAllAs(Labeled.class).stream().map(Labeled::getText)
                .filter(text -> text != null).toList();
    }

    /** The interface names drawn inside containers: the first label of each interface chip. */
    private static List<String> interfaceNames(FxRobot robot) {
        return robot.lookup("#topologyScroll .topology-interface").queryAllAs(Parent.class).stream()
                .map(chip -> texts(chip).findFirst().orElse("")).toList();
    }

    /** The counters shown on the interface chip that shows {@code address}, once drawn. */
    private static Optional<String> counters(FxRobot robot, String address) {
        return robot.lookup("#topologyScroll .topology-interface").queryAllAs(Parent.class).stream()
                .filter(chip -> texts(chip).anyMatch(text -> text.startsWith(address + "/")))
                .flatMap(chip -> texts(chip).filter(text -> text.startsWith("rx "))).findFirst();
    }

    private static Stream<String> texts(Parent parent) {
        return parent.getChildrenUnmodifiable().stream().filter(Labeled.class::isInstance)
                .map(node -> ((Labeled) node).getText());
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
