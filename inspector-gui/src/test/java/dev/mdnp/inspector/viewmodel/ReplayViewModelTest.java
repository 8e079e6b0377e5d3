package dev.mdnp.inspector.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.inspector.client.FakeReplayScheduler;
import dev.mdnp.inspector.client.MalformedLine;
import dev.mdnp.inspector.client.RecordingReplayTarget;
import dev.mdnp.inspector.client.ReplayControl;
import dev.mdnp.inspector.client.ReplayControls;
import dev.mdnp.inspector.model.ReplaySpeed;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayViewModelTest {

    private final FakeReplayScheduler scheduler = new FakeReplayScheduler();
    private final RecordingReplayTarget target = new RecordingReplayTarget();

    private ReplayViewModel model(int calls, MalformedLine... malformed) {
        return new ReplayViewModel(loaded(calls, malformed), ZoneOffset.UTC, Runnable::run);
    }

    private ReplayControl loaded(int calls, MalformedLine... malformed) {
        return ReplayControls.loaded(scheduler, ReplayControls.calls(calls), List.of(malformed), target);
    }

    private List<RequestRecord> played() {
        scheduler.runDue();
        return target.shown();
    }

    @Test
    void showsTheStateAtOnce() {
        ReplayViewModel model = model(80);

        assertThat(model.progressTextProperty().get()).isEqualTo("0 / 80");
        assertThat(model.totalProperty().get()).isEqualTo(80);
        assertThat(model.playingProperty().get()).isFalse();
        assertThat(model.finishedProperty().get()).isFalse();
        assertThat(model.speedProperty().get()).isEqualTo(ReplaySpeed.X1);
        assertThat(model.skippedProperty().get()).isEmpty();
    }

    @Test
    void stepMovesThePosition() {
        ReplayViewModel model = model(4);

        model.step();

        assertThat(played()).hasSize(1);
        assertThat(model.positionProperty().get()).isEqualTo(1);
        assertThat(model.progressTextProperty().get()).isEqualTo("1 / 4");
    }

    @Test
    void togglePlayingPlaysThenPauses() {
        ReplayViewModel model = model(4);

        model.togglePlaying();
        scheduler.runDue();
        assertThat(model.playingProperty().get()).isTrue();
        assertThat(model.positionProperty().get()).isEqualTo(1);

        model.togglePlaying();
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(model.playingProperty().get()).isFalse();
        assertThat(model.positionProperty().get()).isEqualTo(1);
    }

    @Test
    void choosingASpeedSetsTheControls() {
        ReplayViewModel model = model(4);

        model.speedProperty().set(ReplaySpeed.MAX);
        model.togglePlaying();
        scheduler.runDue();

        assertThat(played()).hasSize(4);
        assertThat(model.finishedProperty().get()).isTrue();
        assertThat(model.playingProperty().get()).isFalse();
        assertThat(model.speedProperty().get()).isEqualTo(ReplaySpeed.MAX);
    }

    @Test
    void skippedLinesAreCountedAndListed() {
        ReplayViewModel model = model(2, new MalformedLine(3, "not JSON"), new MalformedLine(9, "cut off"));

        assertThat(model.skippedProperty().get()).isEqualTo("2 lines skipped");
        assertThat(model.skippedDetailProperty().get()).isEqualTo("line 3: not JSON\nline 9: cut off");
    }

    @Test
    void reportsWaitForTheFxThread() {
        Deque<Runnable> fxQueue = new ArrayDeque<>();
        ReplayControl control = loaded(3);
        ReplayViewModel model = new ReplayViewModel(control, ZoneOffset.UTC, fxQueue::add);

        assertThat(model.statusProperty().get()).isEqualTo("replay — at the start, before call 1 of 3");
        control.step();
        assertThat(model.positionProperty().get()).isZero();

        fxQueue.forEach(Runnable::run);
        assertThat(model.positionProperty().get()).isEqualTo(1);
    }

    @Test
    void lateReportsOfEarlierSpeedsDoNotOverrideTheLastChoice() {
        Deque<Runnable> fxQueue = new ArrayDeque<>();
        ReplayControl control = loaded(3);
        ReplayViewModel model = new ReplayViewModel(control, ZoneOffset.UTC, fxQueue::add);
        fxQueue.poll().run();

        model.speedProperty().set(ReplaySpeed.X2);
        model.speedProperty().set(ReplaySpeed.X4);
        for (int i = 0; i < 10 && !fxQueue.isEmpty(); i++) {
            fxQueue.poll().run();
        }

        assertThat(fxQueue).isEmpty();
        assertThat(control.state().speed()).isEqualTo(ReplaySpeed.X4);
        assertThat(model.speedProperty().get()).isEqualTo(ReplaySpeed.X4);
    }

    @Test
    void offersEverySpeedSlowestFirst() {
        assertThat(model(1).speeds()).startsWith(ReplaySpeed.X0_25).endsWith(ReplaySpeed.MAX).hasSize(8);
    }

    @Test
    void theStatusSaysItIsAReplayAndWhichCallAtWhatRecordedTime() {
        ReplayViewModel model = model(31);

        model.seek(12);

        // ReplayControls.calls are 100 ms apart from 10:00:00 UTC: call 12 arrived at 10:00:01.100.
        assertThat(model.statusProperty().get()).isEqualTo("replay — call 12 of 31, 10:00:01.100");
        assertThat(model.statusProperty().get()).doesNotContain("connected");
    }

    @Test
    void theStatusSaysWhenTheReplayEndedAndThatTheLastStateStays() {
        ReplayViewModel model = model(3);

        model.seek(3);

        assertThat(model.statusProperty().get())
                .isEqualTo("replay ended — call 3 of 3, 10:00:00.200; showing the last state");
        assertThat(model.statusProperty().get()).doesNotContain("closed");
    }

    @Test
    void theStatusAtTheStartNamesTheCallsToCome() {
        assertThat(model(31).statusProperty().get())
                .isEqualTo("replay — at the start, before call 1 of 31");
    }

    @Test
    void seekingBackMovesThePositionAndTheStatusBack() {
        ReplayViewModel model = model(5);
        model.seek(5);

        model.seek(2);

        assertThat(model.positionProperty().get()).isEqualTo(2);
        assertThat(model.finishedProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).contains("call 2 of 5");
        assertThat(played()).hasSize(2);
    }

    @Test
    void stepBackGoesOneCallBack() {
        ReplayViewModel model = model(4);
        model.seek(3);

        model.stepBack();

        assertThat(model.positionProperty().get()).isEqualTo(2);
        assertThat(played()).hasSize(2);
    }

    @Test
    void theTimelineLabelsAtMostTwentyMarks() {
        assertThat(ReplayViewModel.markStep(0)).isEqualTo(1);
        assertThat(ReplayViewModel.markStep(20)).isEqualTo(1);
        assertThat(ReplayViewModel.markStep(31)).isEqualTo(2);
        assertThat(ReplayViewModel.markStep(100)).isEqualTo(5);
        assertThat(ReplayViewModel.markStep(101)).isEqualTo(10);
        assertThat(ReplayViewModel.markStep(100_000)).isEqualTo(5_000);
        assertThat(model(31).markStepProperty().get()).isEqualTo(2);
    }
}
