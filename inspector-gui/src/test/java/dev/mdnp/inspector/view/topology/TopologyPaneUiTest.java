package dev.mdnp.inspector.view.topology;

import static dev.mdnp.inspector.testsupport.ObjectsFixture.APP_BACK;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.APP_FRONT;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.BACK;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.BRIDGE;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.FRONT;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.NET;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.bridge;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.bridgeOf;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.classroom;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.containerEnd;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.demoNetwork;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.endpoint;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.hostEnd;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.hostLink;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.inContainer;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.missing;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.objects;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.inspector.client.FeedUpdate;
import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.inspector.testsupport.ObjectsFixture;
import dev.mdnp.inspector.testsupport.ObjectsScene;
import dev.mdnp.inspector.viewmodel.TopologyViewModel;
import dev.mdnp.model.client.ConnectionState;
import dev.mdnp.model.inspect.Drift;
import java.time.Duration;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The topology at the inspector's default size, 1280×800, as a class sees it on a projector. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TopologyPaneUiTest {

    private final InspectorStore store = new InspectorStore();
    private final TopologyViewModel model = new TopologyViewModel(store);

    @Start
    void start(Stage stage) {
        ObjectsScene.show(stage, new TopologyPane(model), 1280, 800);
    }

    @Test
    void beforeAnyNetworkItSaysHowToCreateOne(FxRobot robot) {
        assertThat(robot.lookup("#topology").tryQuery()).isPresent();
        assertThat(robot.lookup("No networks yet: docker network create -d mdnp demo").tryQuery()).isPresent();
    }

    @Test
    void aNetworkIsItsBridgeWithItsPortsAndContainers(FxRobot robot) {
        robot.interact(() -> ObjectsFixture.show(store, objects(List.of(demoNetwork(2)),
                List.of(endpoint('1', "10.77.0.2/24", true), endpoint('2', "10.77.0.3/24", false)),
                List.of(bridge(BRIDGE, NET, Drift.NONE), hostLink('1'), inContainer('1'),
                        missing(hostEnd('2'), "veth", NET, "2".repeat(40))),
                List.of())));

        assertThat(texts(robot, "#bridge-" + BRIDGE)).contains("network " + NET.substring(0, 12),
                "bridge " + BRIDGE, "gateway 10.77.0.1/24", "subnet 10.77.0.0/24");
        assertThat(texts(robot, "#port-" + hostEnd('1'))).contains(hostEnd('1'), "rx 1.5 KiB · tx 3.0 MiB");
        assertThat(texts(robot, "#iface-" + containerEnd('1'))).contains(containerEnd('1'), "10.77.0.2/24");
        assertThat(texts(robot, "#container-111111111111")).contains("netns 111111111111");
        assertThat(robot.lookup("#container-" + "2".repeat(40)).query().getStyleClass()).contains("not-joined");
        Node drifted = robot.lookup("#port-" + hostEnd('2')).query();
        assertThat(drifted.getStyleClass()).contains("drift");
        assertThat(texts(robot, "#port-" + hostEnd('2'))).contains("⚠ " + hostEnd('2'), "not in kernel");
        assertThat(robot.lookup("#port-" + hostEnd('1')).query().getStyleClass()).doesNotContain("drift");
    }

    @Test
    void networksAreLabelledByDockersNameWithTheShortIdBeside(FxRobot robot) {
        robot.interact(() -> ObjectsFixture.show(store, classroom(1000)));

        assertThat(texts(robot, "#bridge-" + bridgeOf(FRONT))).contains("network front",
                "id " + FRONT.substring(0, 12) + " · bridge " + bridgeOf(FRONT));
    }

    @Test
    void aContainerOnTwoNetworksIsDrawnOnceWithTwoInterfaces(FxRobot robot) {
        robot.interact(() -> ObjectsFixture.show(store, classroom(1000)));

        assertThat(robot.lookup("#topologyScroll .topology-container").queryAll()).hasSize(3);
        assertThat(robot.lookup("#container-app").queryAll()).hasSize(1);
        assertThat(texts(robot, "#iface-" + containerEnd(APP_FRONT))).contains("eth0", "10.78.0.3/24",
                "rx 1000 B · tx 1000 B");
        assertThat(texts(robot, "#iface-" + containerEnd(APP_BACK))).contains("eth1", "10.79.0.3/24");
        assertThat(texts(robot, "#container-web")).contains("web", "port 0.0.0.0:8080->80/tcp");
    }

    @Test
    void afterFittingEveryContainerIsInsideTheVisibleViewport(FxRobot robot) {
        robot.interact(() -> ObjectsFixture.show(store, classroom(1000)));
        WaitForAsyncUtils.waitForFxEvents();

        Node viewport = robot.lookup("#topologyScroll .viewport").query();
        Bounds visible = viewport.localToScene(viewport.getLayoutBounds());
        List<Node> containers = List.copyOf(robot.lookup("#topologyScroll .topology-container").queryAll());
        assertThat(containers).hasSize(3).allSatisfy(container -> {
            Bounds box = container.localToScene(container.getLayoutBounds());
            assertThat(visible.contains(box)).as("%s at %s inside %s", container.getId(), box, visible).isTrue();
        });
        assertThat(model.fittingProperty().get()).isTrue();
    }

    @Test
    void aPairCarryingTrafficIsHighlightedWhileItDoes(FxRobot robot) {
        robot.interact(() -> ObjectsFixture.show(store, classroom(1000)));

        robot.interact(() -> ObjectsFixture.show(store, classroom(1098)));

        assertThat(robot.lookup("#port-" + hostEnd(APP_BACK)).query().getStyleClass()).contains("traffic");
        assertThat(robot.lookup("#iface-" + containerEnd(APP_BACK)).query().getStyleClass()).contains("traffic");
        assertThat(robot.lookup("#topologyScroll .topology-wire.traffic").queryAll()).hasSize(2);
        assertThat(robot.lookup("#port-" + hostEnd(APP_FRONT)).query().getStyleClass()).doesNotContain("traffic");
    }

    @Test
    void whenDisconnectedTheLastPictureStaysGreyed(FxRobot robot) {
        robot.interact(() -> {
            store.apply(List.of(new FeedUpdate.Connection(new ConnectionState.Connected(0))));
            ObjectsFixture.show(store, classroom(1000));
        });
        assertThat(robot.lookup("#topologyStale").query().isVisible()).isFalse();

        robot.interact(() -> store.apply(List.of(new FeedUpdate.Connection(
                new ConnectionState.Disconnected("connection refused", Duration.ofSeconds(1))))));

        assertThat(robot.lookup("#topologyStale").query().isVisible()).isTrue();
        assertThat(robot.lookup("#topologyScroll .topology-container").queryAll()).hasSize(3);
        ScrollPane scroll = robot.lookup("#topologyScroll").queryAs(ScrollPane.class);
        assertThat(scroll.getContent().getOpacity()).isLessThan(1);
    }

    @Test
    void theZoomButtonsZoomAndFitReturnsToTheWholePicture(FxRobot robot) {
        robot.interact(() -> ObjectsFixture.show(store, classroom(1000)));
        double fitted = model.scaleProperty().get();

        robot.clickOn("#topologyZoomIn");

        assertThat(model.scaleProperty().get()).isGreaterThan(fitted);
        assertThat(robot.lookup("#topologyZoom").queryAs(Label.class).getText())
                .isEqualTo(Math.round(model.scaleProperty().get() * 100) + " %");
        robot.clickOn("#topologyFit");
        assertThat(model.scaleProperty().get()).isEqualTo(fitted);
    }

    @Test
    void ctrlWheelZoomsAndStopsFollowingTheWindow(FxRobot robot) {
        robot.interact(() -> ObjectsFixture.show(store, classroom(1000)));
        double fitted = model.scaleProperty().get();

        robot.moveTo("#topologyScroll").press(KeyCode.CONTROL).scroll(2, VerticalDirection.UP)
                .release(KeyCode.CONTROL);

        assertThat(model.scaleProperty().get()).isNotEqualTo(fitted);
        assertThat(model.fittingProperty().get()).isFalse();
    }

    @Test
    void zoomedInThePictureStartsAtTheScrollBarsOrigin(FxRobot robot) {
        robot.interact(() -> ObjectsFixture.show(store, classroom(1000)));
        for (int i = 0; i < 4; i++) {
            robot.clickOn("#topologyZoomIn");
        }
        ScrollPane scroll = robot.lookup("#topologyScroll").queryAs(ScrollPane.class);
        robot.interact(() -> {
            scroll.setHvalue(scroll.getHmin());
            scroll.setVvalue(scroll.getVmin());
        });
        WaitForAsyncUtils.waitForFxEvents();

        Node viewport = robot.lookup("#topologyScroll .viewport").query();
        Bounds visible = viewport.localToScene(viewport.getLayoutBounds());
        Node back = robot.lookup("#bridge-" + bridgeOf(BACK)).query();
        Bounds box = back.localToScene(back.getLayoutBounds());
        assertThat(box.getMinX()).isBetween(visible.getMinX(), visible.getMinX() + 100);
        assertThat(box.getMinY()).isBetween(visible.getMinY(), visible.getMinY() + 100);
    }

    @Test
    void theLegendSaysWhatTheColoursMeanAndCanBeHidden(FxRobot robot) {
        assertThat(robot.lookup("carrying traffic now").tryQuery()).isPresent();

        robot.clickOn("#topologyLegendToggle");

        assertThat(robot.lookup("#topologyLegend").query().isVisible()).isFalse();
    }

    private static List<String> texts(FxRobot robot, String box) {
        return robot.lookup(box + " .label").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }
}
