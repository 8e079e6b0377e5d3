package dev.mdnp.inspector.client;

import static dev.mdnp.inspector.client.RecordedCalls.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.inspector.model.ReplaySpeed;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayControlTest {

    private final FakeReplayScheduler scheduler = new FakeReplayScheduler();
    private final List<RequestRecord> played = new ArrayList<>();
    private final List<ReplayState> states = new ArrayList<>();
    private final ReplayControl control = new ReplayControl(scheduler, played::add);

    /** Calls at 0 ms, 100 ms, 400 ms and 60 s. */
    private void loadFour() {
        control.load(new Recording(List.of(at(1, 0), at(2, 100), at(3, 400), at(4, 60_000)), List.of()));
    }

    @Test
    void startsPausedAtTheFirstCall() {
        loadFour();
        scheduler.advance(Duration.ofMinutes(5));

        assertThat(played).isEmpty();
        assertThat(control.state()).isEqualTo(new ReplayState(0, 4, false, ReplaySpeed.X1, false, List.of()));
    }

    @Test
    void playFollowsTheRecordedGaps() {
        loadFour();
        control.play();
        scheduler.runDue();
        assertThat(played).extracting(RequestRecord::seq).containsExactly(1L);

        scheduler.advance(Duration.ofMillis(99));
        assertThat(played).hasSize(1);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(played).hasSize(2);
        scheduler.advance(Duration.ofMillis(299));
        assertThat(played).hasSize(2);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(played).extracting(RequestRecord::seq).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aLongIdleGapIsCutToTwoSeconds() {
        loadFour();
        control.play();
        scheduler.advance(Duration.ofMillis(400));
        assertThat(played).hasSize(3);

        scheduler.advance(ReplayControl.MAX_GAP);

        assertThat(played).hasSize(4);
        assertThat(control.state().finished()).isTrue();
        assertThat(control.state().playing()).isFalse();
    }

    @Test
    void speedDividesTheWait() {
        loadFour();
        control.setSpeed(ReplaySpeed.X4);
        control.play();
        scheduler.advance(Duration.ofMillis(25));
        assertThat(played).hasSize(2);
        scheduler.advance(Duration.ofMillis(75));
        assertThat(played).hasSize(3);
    }

    @Test
    void slowSpeedMultipliesTheWait() {
        loadFour();
        control.setSpeed(ReplaySpeed.X0_25);
        control.play();
        scheduler.advance(Duration.ofMillis(399));
        assertThat(played).hasSize(1);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(played).hasSize(2);
    }

    @Test
    void maxSpeedPlaysEverythingWithoutWaiting() {
        loadFour();
        control.setSpeed(ReplaySpeed.MAX);
        control.play();
        scheduler.runDue();

        assertThat(played).hasSize(4);
        assertThat(scheduler.now()).isEqualTo(Duration.ZERO);
    }

    @Test
    void changingTheSpeedWhilePlayingReschedulesTheNextCall() {
        loadFour();
        control.play();
        scheduler.runDue();
        scheduler.advance(Duration.ofMillis(50));

        control.setSpeed(ReplaySpeed.X16);
        scheduler.advance(Duration.ofNanos(6_250_000));

        assertThat(played).hasSize(2);
        scheduler.advance(Duration.ofMillis(100));
        assertThat(played).hasSize(3); // the stale 1× schedule did not play a second call
    }

    @Test
    void pauseStopsPlayingAndPlayResumes() {
        loadFour();
        control.play();
        scheduler.runDue();
        control.pause();
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(played).hasSize(1);
        assertThat(control.state().playing()).isFalse();

        control.play();
        scheduler.advance(Duration.ofMillis(100));

        assertThat(played).hasSize(2);
    }

    @Test
    void stepPlaysExactlyTheNextCallAndPauses() {
        loadFour();
        control.play();
        scheduler.runDue();

        control.step();

        assertThat(played).extracting(RequestRecord::seq).containsExactly(1L, 2L);
        assertThat(control.state().playing()).isFalse();
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(played).hasSize(2);
    }

    @Test
    void stepAtTheEndDoesNothing() {
        control.load(new Recording(List.of(at(1, 0)), List.of()));
        control.step();
        control.step();

        assertThat(played).hasSize(1);
        assertThat(control.state().finished()).isTrue();
    }

    @Test
    void playAskedBeforeTheFileIsReadStartsOnceItIs() {
        control.play();
        assertThat(control.state().playing()).isTrue();

        loadFour();
        scheduler.runDue();

        assertThat(played).hasSize(1);
    }

    @Test
    void listenersHearTheStateAtOnceAndEveryChange() {
        control.subscribe(states::add);
        loadFour();
        control.step();
        control.setSpeed(ReplaySpeed.X8);

        assertThat(states).extracting(ReplayState::position).containsExactly(0, 0, 1, 1);
        assertThat(states).extracting(ReplayState::total).containsExactly(0, 4, 4, 4);
        assertThat(states.get(3).speed()).isEqualTo(ReplaySpeed.X8);
    }

    @Test
    void anEmptySessionIsFinishedAtOnce() {
        control.play();
        control.load(Recording.EMPTY);

        assertThat(control.state().finished()).isTrue();
        assertThat(control.state().playing()).isFalse();
    }
}
