package dev.mdnp.inspector.view.detail;

import static dev.mdnp.inspector.testsupport.CallBuilder.call;
import static dev.mdnp.inspector.testsupport.CallBuilder.updates;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.inspector.store.InspectorStore;
import dev.mdnp.inspector.view.requests.RequestTableView;
import dev.mdnp.inspector.viewmodel.RequestDetailViewModel;
import dev.mdnp.inspector.viewmodel.RequestLogViewModel;
import dev.mdnp.inspector.viewmodel.SummaryRow;
import dev.mdnp.model.inspect.KernelOpRecord;
import java.time.Clock;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class RequestDetailPaneUiTest {

    private final InspectorStore store = new InspectorStore();

    @Start
    void start(Stage stage) {
        RequestTableView table = new RequestTableView(new RequestLogViewModel(store, Clock.systemDefaultZone()));
        RequestDetailViewModel detail = new RequestDetailViewModel(store, new RequestLogViewModel(store, Clock.systemDefaultZone())::contextOf);
        detail.selectedProperty().bind(table.selectedCallProperty());
        SplitPane split = new SplitPane(table.node(), new RequestDetailPane(detail).node());
        split.setOrientation(Orientation.VERTICAL);
        stage.setScene(new Scene(split, 1100, 700));
        stage.show();
    }

    @Test
    void selectingACallFillsItsJsonAndKernelOps(FxRobot robot) {
        robot.interact(() -> store.apply(updates(
                call(1, "NetworkDriver.CreateNetwork").network("n1").build(),
                call(2, "NetworkDriver.Join").network("n1").endpoint("e1")
                        .request("{\"NetworkID\":\"n1\",\"EndpointID\":\"e1\",\"SandboxKey\":\"/var/run/x\"}")
                        .response("{\"Err\":\"\"}")
                        .op("move link", "veth1a2b", 300, "").op("set address", "eth0", 200, "").build())));

        robot.clickOn("Join");
        WaitForAsyncUtils.waitForFxEvents();

        TextArea request = robot.lookup("#requestJson").queryAs(TextArea.class);
        assertThat(request.getText()).contains("  \"EndpointID\" : \"e1\",");
        assertThat(robot.lookup("#responseJson").queryAs(TextArea.class).getText()).contains("\"Err\" : \"\"");
        TableView<KernelOpRecord> ops = robot.lookup("#kernelOps").queryTableView();
        assertThat(ops.getItems()).extracting(KernelOpRecord::operation).containsExactly("move link", "set address");
        assertThat(robot.lookup("#copyCurl").queryButton().isDisabled()).isFalse();
    }

    @Test
    void theChosenHostPortsAreReadableInTheSummaryAndTheKernelOps(FxRobot robot) {
        String ports = "0.0.0.0:32768->80/tcp, [::]:32768->80/tcp, 127.0.0.1:18081->53/udp";
        robot.interact(() -> store.apply(updates(call(1, "NetworkDriver.ProgramExternalConnectivity").network("n1")
                .endpoint("e1").op("reserve host ports", ports, 80, "").op("publish ports", ports, 900, "")
                .build())));

        robot.clickOn("ProgramExternalConnectivity");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#summaryTable").queryTableView().getItems()).contains(
                new SummaryRow("Ports published", ports));
        robot.clickOn("Kernel ops");
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> target = robot.lookup("#kernelOps .table-cell").match(
                (TableCell<?, ?> cell) -> ports.equals(cell.getText())).query();
        assertThat(target.getWidth()).as("wide enough for the ports").isGreaterThanOrEqualTo(300);
        assertThat(target.getTooltip().getText())
                .isEqualTo("0.0.0.0:32768->80/tcp\n[::]:32768->80/tcp\n127.0.0.1:18081->53/udp");
    }
}
