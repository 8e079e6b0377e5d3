package dev.mdnp.inspector.view.objects;

import static dev.mdnp.inspector.testsupport.ObjectsFixture.NET;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.demoNetwork;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.endpoint;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.hostEnd;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.hostLink;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.inContainer;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.missing;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.objects;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.published;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.inspector.testsupport.ObjectsFixture;
import dev.mdnp.inspector.testsupport.ObjectsScene;
import dev.mdnp.inspector.viewmodel.EndpointRow;
import dev.mdnp.inspector.viewmodel.EndpointsViewModel;
import java.util.List;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class EndpointsPaneUiTest {

    private final InspectorStore store = new InspectorStore();

    @Start
    void start(Stage stage) {
        ObjectsScene.show(stage, new EndpointsPane(new EndpointsViewModel(store)), 1400, 400);
    }

    @Test
    void endpointsAreRowsAndOnlyTheOneWithAMissingVethIsMarked(FxRobot robot) {
        robot.interact(() -> ObjectsFixture.show(store, objects(List.of(demoNetwork(2)),
                List.of(endpoint('1', "10.77.0.2/24", true), endpoint('2', "10.77.0.3/24", false)),
                List.of(hostLink('1'), inContainer('1'), missing(hostEnd('2'), "veth", NET, "2".repeat(40))),
                List.of())));
        TableView<EndpointRow> table = robot.lookup("#endpointsTable").queryTableView();

        assertThat(table.getColumns()).extracting(TableColumn::getText).containsExactly("Container", "Aliases", "ID",
                "Network", "IPv4",
                "IPv6", "MAC", "Host veth", "Container interface", "State", "Ports", "Drift", "Sandbox");
        assertThat(table.getItems()).extracting(EndpointRow::state).containsExactly("joined", "created");
        assertThat(robot.lookup("#endpointsTable .table-row-cell.drift").queryAll()).hasSize(1);
        TableCell<?, ?> drift = robot.lookup("#endpointsTable .table-cell.drift").query();
        assertThat(drift.getTooltip().getText()).startsWith("host veth " + hostEnd('2'));
        assertThat(robot.lookup("10.77.0.2/24").tryQuery()).isPresent();
    }

    @Test
    void publishedPortsShowOnOneLineAndOnePerLineInTheTooltip(FxRobot robot) {
        robot.interact(() -> ObjectsFixture.show(store, objects(List.of(demoNetwork(2)),
                List.of(published('1', "10.77.0.2/24"), endpoint('2', "10.77.0.3/24", false)),
                List.of(hostLink('1'), inContainer('1')), List.of())));

        TableCell<?, ?> ports = robot.lookup("0.0.0.0:8080->80/tcp, [::]:8080->80/tcp").query();
        assertThat(ports.getTooltip().getText()).isEqualTo("0.0.0.0:8080->80/tcp\n[::]:8080->80/tcp");
        assertThat(ports.getStyleClass()).contains("mono");
    }
}
