package dev.mdnp.inspector.view.objects;

import static dev.mdnp.inspector.testsupport.ObjectsFixture.BRIDGE;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.NET;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.demoNetwork;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.missing;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.objects;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.pool;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.inspector.testsupport.ObjectsFixture;
import dev.mdnp.inspector.testsupport.ObjectsScene;
import dev.mdnp.inspector.viewmodel.NetworkRow;
import dev.mdnp.inspector.viewmodel.NetworksViewModel;
import java.util.List;
import javafx.scene.control.Label;
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
class NetworksPaneUiTest {

    private final InspectorStore store = new InspectorStore();

    @Start
    void start(Stage stage) {
        ObjectsScene.show(stage, new NetworksPane(new NetworksViewModel(store)), 1200, 400);
    }

    @Test
    void anEmptyTableSaysHowToCreateANetwork(FxRobot robot) {
        TableView<NetworkRow> table = robot.lookup("#networksTable").queryTableView();

        assertThat(((Label) table.getPlaceholder()).getText()).contains("docker network create -d mdnp demo");
        assertThat(table.isTableMenuButtonVisible()).isTrue();
    }

    @Test
    void aNetworkIsARowWithItsColumnsAndItsMissingBridgeIsMarked(FxRobot robot) {
        robot.interact(() -> ObjectsFixture.show(store, objects(List.of(demoNetwork(2)), List.of(),
                List.of(missing(BRIDGE, "bridge", NET, "")), List.of(pool("10.77.0.0/24", 3, 251)))));
        TableView<NetworkRow> table = robot.lookup("#networksTable").queryTableView();

        assertThat(table.getColumns()).extracting(TableColumn::getText).containsExactly("Name", "ID", "Bridge", "Subnets",
                "Gateways", "MTU", "Options", "Endpoints", "Used", "Free", "State");
        assertThat(table.getItems()).hasSize(1);
        assertThat(robot.lookup("#networksTable .table-row-cell.drift").queryAll()).hasSize(1);
        TableCell<?, ?> state = robot.lookup("#networksTable .table-cell.drift").query();
        assertThat(state.getText()).isEqualTo("⚠ missing in kernel");
        assertThat(state.getTooltip().getText())
                .isEqualTo("bridge " + BRIDGE + ": the state has this link, the kernel does not");
        assertThat(robot.lookup("251").tryQuery()).isPresent();
        assertThat(robot.lookup("1111111111aa").tryQuery()).isPresent();
    }

    @Test
    void theSelectedNetworkStaysSelectedWhenANewReadingChangesIt(FxRobot robot) {
        robot.interact(() -> ObjectsFixture.show(store, objects(List.of(demoNetwork(0)), List.of(), List.of(),
                List.of())));
        TableView<NetworkRow> table = robot.lookup("#networksTable").queryTableView();
        robot.interact(() -> table.getSelectionModel().select(0));

        robot.interact(() -> ObjectsFixture.show(store, objects(List.of(demoNetwork(1)), List.of(), List.of(),
                List.of())));

        assertThat(table.getSelectionModel().getSelectedItem()).isNotNull()
                .extracting(NetworkRow::endpoints).isEqualTo(1);
    }
}
