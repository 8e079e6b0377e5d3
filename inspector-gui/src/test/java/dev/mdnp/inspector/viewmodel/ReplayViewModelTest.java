package dev.mdnp.inspector.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.inspector.client.FakeReplayScheduler;
import dev.mdnp.inspector.client.MalformedLine;
import dev.mdnp.inspector.client.ReplayControl;
import dev.mdnp.inspector.client.ReplayControls;
import dev.mdnp.inspector.model.ReplaySpeed;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayViewModelTest {

    private final FakeReplayScheduler scheduler = new FakeReplayScheduler();
    private final List<RequestRecord> played = new ArrayList<>();

    private ReplayViewModel model(int calls, MalformedLine... malformed) {
        ReplayControl control = ReplayControls.loaded(scheduler, ReplayControls.calls(calls), List.of(malformed),
                played::add);
        return new ReplayViewModel(control, Runnable::run);
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
    void stepMovesThePositionAndTheProgress() {
        ReplayViewModel model = model(4);

        model.step();

        assertThat(played).hasSize(1);
        assertThat(model.positionProperty().get()).isEqualTo(1);
        assertThat(model.progressTextProperty().get()).isEqualTo("1 / 4");
        assertThat(model.progressProperty().get()).isEqualTo(0.25);
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

        assertThat(played).hasSize(4);
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
        ReplayControl control = ReplayControls.loaded(scheduler, ReplayControls.calls(3), List.of(), played::add);
        ReplayViewModel model = new ReplayViewModel(control, fxQueue::add);

        control.step();
        assertThat(model.positionProperty().get()).isZero();

        fxQueue.forEach(Runnable::run);
        assertThat(model.positionProperty().get()).isEqualTo(1);
    }

    @Test
    void lateReportsOfEarlierSpeedsDoNotOverrideTheLastChoice() {
        Deque<Runnable> fxQueue = new ArrayDeque<>();
        ReplayControl control = ReplayControls.loaded(scheduler, ReplayControls.calls(3), List.of(), played::add);
        ReplayViewModel model = new ReplayViewModel(control, fxQueue::add);
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
}
