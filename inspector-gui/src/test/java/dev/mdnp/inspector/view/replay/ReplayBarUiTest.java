package dev.mdnp.inspector.view.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.inspector.client.FakeReplayScheduler;
import dev.mdnp.inspector.client.MalformedLine;
import dev.mdnp.inspector.client.ReplayControl;
import dev.mdnp.inspector.client.ReplayControls;
import dev.mdnp.inspector.model.ReplaySpeed;
import dev.mdnp.inspector.viewmodel.ReplayViewModel;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
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
class ReplayBarUiTest {

    private ReplayControl control;

    @Start
    void start(Stage stage) {
        control = ReplayControls.loaded(new FakeReplayScheduler(), ReplayControls.calls(5),
                List.of(new MalformedLine(4, "not JSON")), call -> { });
        stage.setScene(new Scene(new ReplayBar(new ReplayViewModel(control, Runnable::run)), 800, 60));
        stage.show();
    }

    @Test
    void stepButtonMovesThePosition(FxRobot robot) {
        robot.clickOn("#replayStep");
        robot.clickOn("#replayStep");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#replayPosition").queryAs(Label.class).getText()).isEqualTo("2 / 5");
    }

    @Test
    void playButtonTurnsIntoPause(FxRobot robot) {
        Button play = robot.lookup("#replayPlay").queryButton();
        assertThat(play.getText()).isEqualTo("Play");

        robot.clickOn(play);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(play.getText()).isEqualTo("Pause");
        assertThat(control.state().playing()).isTrue();
    }

    @Test
    void choosingASpeedSetsTheReplays(FxRobot robot) {
        ComboBox<ReplaySpeed> speed = robot.lookup("#replaySpeed").queryComboBox();

        robot.interact(() -> speed.getSelectionModel().select(ReplaySpeed.X4));

        assertThat(control.state().speed()).isEqualTo(ReplaySpeed.X4);
    }

    @Test
    void skippedLinesAreShown(FxRobot robot) {
        Label skipped = robot.lookup("#replaySkipped").queryAs(Label.class);

        assertThat(skipped.isVisible()).isTrue();
        assertThat(skipped.getText()).isEqualTo("1 line skipped");
        assertThat(skipped.getTooltip().getText()).isEqualTo("line 4: not JSON");
    }
}
