package dev.mdnp.inspector.view.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.inspector.client.FakeReplayScheduler;
import dev.mdnp.inspector.client.MalformedLine;
import dev.mdnp.inspector.client.RecordingReplayTarget;
import dev.mdnp.inspector.client.ReplayControl;
import dev.mdnp.inspector.client.ReplayControls;
import dev.mdnp.inspector.model.ReplaySpeed;
import dev.mdnp.inspector.viewmodel.ReplayViewModel;
import java.time.ZoneOffset;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
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

    private final FakeReplayScheduler scheduler = new FakeReplayScheduler();
    private final RecordingReplayTarget target = new RecordingReplayTarget();
    private ReplayControl control;

    @Start
    void start(Stage stage) {
        control = ReplayControls.loaded(scheduler, ReplayControls.calls(5),
                List.of(new MalformedLine(4, "not JSON")), target);
        stage.setScene(new Scene(new ReplayBar(new ReplayViewModel(control, ZoneOffset.UTC,
                Runnable::run)), 1000, 80));
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

    @Test
    void theTimelineFollowsThePosition(FxRobot robot) {
        robot.clickOn("#replayStep");
        robot.clickOn("#replayStep");
        WaitForAsyncUtils.waitForFxEvents();

        Slider timeline = robot.lookup("#replayTimeline").queryAs(Slider.class);
        assertThat(timeline.getMax()).isEqualTo(5);
        assertThat(timeline.getValue()).isEqualTo(2);
    }

    @Test
    void movingTheTimelineBackSeeksBack(FxRobot robot) {
        Slider timeline = robot.lookup("#replayTimeline").queryAs(Slider.class);
        robot.interact(() -> timeline.setValue(5));
        robot.interact(() -> timeline.setValue(1));
        scheduler.runDue();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(control.state().position()).isEqualTo(1);
        assertThat(target.shown()).hasSize(1);
        assertThat(robot.lookup("#replayPosition").queryAs(Label.class).getText()).isEqualTo("1 / 5");
    }

    @Test
    void backButtonAndAltLeftGoOneCallBack(FxRobot robot) {
        robot.interact(() -> control.seek(4));
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#replayBack");
        robot.press(KeyCode.ALT, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(control.state().position()).isEqualTo(2);
    }

    @Test
    void backIsDisabledAtTheStart(FxRobot robot) {
        assertThat(robot.lookup("#replayBack").queryButton().isDisabled()).isTrue();
    }
}
