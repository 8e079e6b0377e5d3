package dev.mdnp.inspector.view.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mdnp.inspector.app.InspectorWindow;
import dev.mdnp.inspector.testsupport.Windows;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's layout for a classroom: the detail and lifecycle panes only under Requests, a full-window mode for
 * the current tab, and text size keys that apply to the whole window and are remembered. The window opens on a
 * socket nobody serves.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MainWindowUiTest {

    @TempDir
    Path dir;

    private Stage stage;
    private InspectorWindow window;

    @Start
    void openWithoutDaemon(Stage primary) {
        stage = primary;
        window = Windows.live(primary, dir.resolve("nobody.sock"), dir);
    }

    @AfterEach
    void close(FxRobot robot) {
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private void selectTab(FxRobot robot, String id) {
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(
                tabs.getTabs().stream().filter(tab -> tab.getId().equals(id)).findFirst().orElseThrow()));
    }

    private void ctrl(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theDetailAndLifecycleBelongToTheRequestsTabOnly(FxRobot robot) {
        Node detail = robot.lookup("#requestDetail").query();
        Node lifecycle = robot.lookup("#lifecycle").query();
        assertThat(shown(detail)).isTrue();
        assertThat(shown(lifecycle)).isTrue();

        selectTab(robot, "topologyTab");

        assertThat(shown(detail)).isFalse();
        assertThat(shown(lifecycle)).isFalse();
        assertThat(shown(robot.lookup("#filterField").query())).as("the request toolbar too").isFalse();
    }

    @Test
    void theDisconnectedBarNeverCutsTheWindowsButtons(FxRobot robot) {
        assertThat(robot.lookup("#connectionBar").tryQuery()).isPresent();
        assertThat(robot.lookup("#fullWindowButton .text").queryAs(Text.class).getText()).isEqualTo("Full window");
        assertThat(robot.lookup("#themeToggle .text").queryAs(Text.class).getText()).isEqualTo("Dark theme");
    }

    @Test
    void f11OrTheButtonLetsTheCurrentTabFillTheWindowAndEscLeaves(FxRobot robot) {
        selectTab(robot, "networksTab");
        Node networks = robot.lookup("#networksTable").query();
        Node tabs = robot.lookup("#mainTabs").query();

        robot.type(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.layout().fullWindowProperty().get()).isTrue();
        assertThat(tabs.getScene()).as("tab headers gone").isNull();
        assertThat(robot.lookup("#themeToggle").tryQuery()).as("bars gone").isEmpty();
        assertThat(shown(networks)).isTrue();
        assertThat(networks.getScene().getWindow().getWidth()).isEqualTo(stage.getWidth());

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.layout().fullWindowProperty().get()).isFalse();
        assertThat(tabs.getScene()).isNotNull();
        assertThat(robot.lookup("#mainTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId())
                .isEqualTo("networksTab");
        assertThat(shown(networks)).isTrue();

        robot.clickOn("#fullWindowButton");
        assertThat(window.layout().fullWindowProperty().get()).isTrue();
        robot.type(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.layout().fullWindowProperty().get()).isFalse();
    }

    @Test
    void ctrlPlusMinusAndZeroSizeTheWholeWindowsTextAndTheSizeIsRemembered(FxRobot robot) {
        Label status = robot.lookup("#mainWindow .label").queryAs(Label.class);
        double before = status.getFont().getSize();

        ctrl(robot, KeyCode.EQUALS);
        ctrl(robot, KeyCode.EQUALS);

        assertThat(window.layout().textScaleProperty().get()).isCloseTo(1.2, within(1e-9));
        assertThat(status.getFont().getSize()).isGreaterThan(before);

        ctrl(robot, KeyCode.DIGIT0);
        assertThat(window.layout().textScaleProperty().get()).isEqualTo(1);
        ctrl(robot, KeyCode.MINUS);
        assertThat(window.layout().textScaleProperty().get()).isCloseTo(0.9, within(1e-9));
        robot.interact(() -> {
            window.close();
            window = Windows.live(stage, dir.resolve("nobody.sock"), dir);
        });
        assertThat(window.layout().textScaleProperty().get()).isCloseTo(0.9, within(1e-9));
    }
}
