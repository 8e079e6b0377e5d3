package dev.mdnp.inspector.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mdnp.inspector.app.InspectorWindow;
import dev.mdnp.inspector.app.PreferencesFile;
import dev.mdnp.inspector.testsupport.Windows;
import dev.mdnp.inspector.theme.Theme;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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
 * Window size, split positions, columns, filter, theme and tab survive closing the inspector and opening it again.
 * No daemon is needed: the window opens on a socket nobody serves.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class InspectorPreferencesUiTest {

    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void keepStage(Stage primary) {
        stage = primary;
    }

    private InspectorWindow open(FxRobot robot) {
        AtomicReference<InspectorWindow> window = new AtomicReference<>();
        robot.interact(() -> window.set(Windows.live(stage, dir.resolve("nobody.sock"), dir)));
        WaitForAsyncUtils.waitForFxEvents();
        return window.get();
    }

    /** The theme is the JVM's user-agent style sheet: later UI tests in this JVM expect the light one. */
    @AfterEach
    void backToTheLightTheme(FxRobot robot) {
        robot.interact(() -> Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet()));
    }

    @Test
    void whatTheUserArrangedIsThereAgainAfterARestart(FxRobot robot) {
        InspectorWindow first = open(robot);
        TableView<?> requests = robot.lookup("#requestTable").queryTableView();
        TableColumn<?, ?> method = requests.getColumns().get(2);
        robot.interact(() -> {
            stage.setWidth(1100);
            stage.setHeight(700);
            robot.lookup("#filterField").queryAs(TextField.class).setText("method:Join -status:error");
            first.models().log().filterBar().commitFilter();
            robot.lookup("#mainTabs").queryAs(TabPane.class).getSelectionModel().select(3);
            robot.lookup("#mainSplit").queryAs(SplitPane.class).setDividerPositions(0.4, 0.7);
            method.setPrefWidth(333);
            requests.getColumns().get(3).setVisible(false);
            robot.lookup("#themeToggle").queryButton().fire();
            first.close();
        });

        InspectorWindow second = open(robot);

        assertThat(stage.getWidth()).isEqualTo(1100);
        assertThat(stage.getHeight()).isEqualTo(700);
        assertThat(robot.lookup("#filterField").queryAs(TextField.class).getText())
                .isEqualTo("method:Join -status:error");
        assertThat(second.models().log().filterBar().recentFilters()).containsExactly("method:Join -status:error");
        assertThat(robot.lookup("#mainTabs").queryAs(TabPane.class).getSelectionModel().getSelectedIndex())
                .isEqualTo(3);
        assertThat(robot.lookup("#mainSplit").queryAs(SplitPane.class).getDividerPositions())
                .containsExactly(new double[] {0.4, 0.7}, org.assertj.core.data.Offset.offset(0.02));
        TableView<?> restored = robot.lookup("#requestTable").queryTableView();
        assertThat(restored.getColumns().get(2).getWidth()).isEqualTo(333);
        assertThat(restored.getColumns().get(3).isVisible()).isFalse();
        assertThat(robot.lookup("#themeToggle").queryButton().getText()).isEqualTo("Light theme");
        assertThat(Application.getUserAgentStylesheet())
                .isEqualTo(Theme.DARK.userAgentStylesheet());
        robot.interact(second::close);
    }

    @Test
    void withoutBeingClosedTheWindowSavesWhatItNotedWithinASecondFromAnyThread(FxRobot robot) {
        InspectorWindow window = open(robot);
        robot.interact(() -> {
            robot.lookup("#filterField").queryAs(TextField.class).setText("method:Leave");
            window.models().log().filterBar().commitFilter();
        });

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            window.saveNoted(); // from this thread, as the JVM's exit hook does
            assertThat(new PreferencesFile(dir.resolve("inspector.json")).load().preferences().filter())
                    .isEqualTo("method:Leave");
        });
        robot.interact(window::close);
    }
}
