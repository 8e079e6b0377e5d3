package dev.mdnp.inspector.view.objects;

import static dev.mdnp.inspector.testsupport.ObjectsFixture.BRIDGE;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.NET;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.bridge;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.hostEnd;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.hostLink;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.objects;
import static dev.mdnp.inspector.testsupport.ObjectsFixture.strangeVeth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.inspector.testsupport.ObjectsFixture;
import dev.mdnp.inspector.testsupport.ObjectsScene;
import dev.mdnp.inspector.viewmodel.LinkRow;
import dev.mdnp.inspector.viewmodel.LinksViewModel;
import dev.mdnp.model.inspect.Drift;
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
class LinksPaneUiTest {

    private final InspectorStore store = new InspectorStore();

    @Start
    void start(Stage stage) {
        ObjectsScene.show(stage, new LinksPane(new LinksViewModel(store)), 1400, 400);
        ObjectsFixture.show(store, objects(List.of(), List.of(),
                List.of(bridge(BRIDGE, NET, Drift.NONE), hostLink('1'), strangeVeth("mdnphleft", "", "")),
                List.of()));
    }

    @Test
    void linksAreRowsWithReadableCountersAndTheUnknownOneIsMarked(FxRobot robot) {
        TableView<LinkRow> table = robot.lookup("#linksTable").queryTableView();

        assertThat(table.getColumns()).extracting(TableColumn::getText).containsExactly("Name", "Kind", "Peer",
                "Master", "MTU", "MAC", "State", "RX", "TX", "Network", "Endpoint", "Drift");
        assertThat(table.getItems()).hasSize(3);
        assertThat(robot.lookup("3.0 MiB").tryQuery()).isPresent();
        assertThat(robot.lookup("#linksTable .table-row-cell.drift").queryAll()).hasSize(1);
        TableCell<?, ?> drift = robot.lookup("#linksTable .table-cell.drift").query();
        assertThat(drift.getText()).isEqualTo("⚠ unknown to state");
        assertThat(drift.getTooltip().getText()).startsWith("veth mdnphleft: the kernel has this link");
    }

    @Test
    void clickingAHeaderSortsTheRows(FxRobot robot) {
        robot.clickOn("Name");
        robot.clickOn("Name");

        TableView<LinkRow> table = robot.lookup("#linksTable").queryTableView();
        assertThat(table.getItems()).extracting(LinkRow::name).containsExactly("mdnphleft", hostEnd('1'), BRIDGE);
    }
}
