package dev.mdnp.inspector.view.topology;

import static dev.mdnp.inspector.testsupport.ObjectsFixture.BRIDGE;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.NET;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.bridge;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.containerEnd;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.demoNetwork;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.endpoint;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.hostEnd;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.hostLink;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.inContainer;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.missing;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.objects;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.inspector.testsupport.ObjectsFixture;
import dev.mdnp.inspector.testsupport.ObjectsScene;
import dev.mdnp.inspector.viewmodel.TopologyViewModel;
import dev.mdnp.model.inspect.Drift;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TopologyPaneUiTest {

    private final InspectorStore store = new InspectorStore();

    @Start
    void start(Stage stage) {
        ObjectsScene.show(stage, new TopologyPane(new TopologyViewModel(store)), 1000, 700);
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

        assertThat(texts(robot, "#bridge-" + BRIDGE)).contains("bridge " + BRIDGE, "gateway 10.77.0.1/24",
                "subnet 10.77.0.0/24");
        assertThat(texts(robot, "#port-" + hostEnd('1'))).contains(hostEnd('1'));
        assertThat(texts(robot, "#container-" + containerEnd('1'))).contains(containerEnd('1'), "10.77.0.2/24",
                "02:42:0a:4d:00:01", "netns 111111111111");
        assertThat(robot.lookup("#container-" + containerEnd('2')).query().getStyleClass()).contains("not-joined");
        Node drifted = robot.lookup("#port-" + hostEnd('2')).query();
        assertThat(drifted.getStyleClass()).contains("drift");
        assertThat(texts(robot, "#port-" + hostEnd('2'))).contains("⚠ " + hostEnd('2'), "not in kernel");
        assertThat(robot.lookup("#port-" + hostEnd('1')).query().getStyleClass()).doesNotContain("drift");
    }

    @Test
    void theDrawingFollowsTheObjects(FxRobot robot) {
        robot.interact(() -> ObjectsFixture.show(store, objects(List.of(demoNetwork(1)),
                List.of(endpoint('1', "10.77.0.2/24", true)), List.of(), List.of())));
        assertThat(robot.lookup("#port-" + hostEnd('1')).tryQuery()).isPresent();

        robot.interact(() -> ObjectsFixture.show(store, objects(List.of(demoNetwork(1)),
                List.of(endpoint('3', "10.77.0.4/24", true)), List.of(), List.of())));

        assertThat(robot.lookup("#port-" + hostEnd('1')).tryQuery()).isEmpty();
        assertThat(robot.lookup("#port-" + hostEnd('3')).tryQuery()).isPresent();
        assertThat(robot.lookup("#bridge-" + BRIDGE).tryQuery()).isPresent();
    }

    private static List<String> texts(FxRobot robot, String box) {
        return robot.lookup(box + " .label").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }
}
