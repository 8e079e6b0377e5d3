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
    private final RecordingReplayTarget target = new RecordingReplayTarget();
    private final List<ReplayState> states = new ArrayList<>();
    private final ReplayControl control = new ReplayControl(scheduler, target);

    private List<RequestRecord> played() {
        return target.shown();
    }

    /** Calls at 0 ms, 100 ms, 400 ms and 60 s. */
    private void loadFour() {
        control.load(new Recording(List.of(at(1, 0), at(2, 100), at(3, 400), at(4, 60_000)), List.of()));
    }

    @Test
    void startsPausedAtTheFirstCall() {
        loadFour();
        scheduler.advance(Duration.ofMinutes(5));

        assertThat(played()).isEmpty();
        assertThat(control.state()).isEqualTo(new ReplayState(0, 4, false, ReplaySpeed.X1, false, List.of(), null));
    }

    @Test
    void playFollowsTheRecordedGaps() {
        loadFour();
        control.play();
        scheduler.runDue();
        assertThat(played()).extracting(RequestRecord::seq).containsExactly(1L);

        scheduler.advance(Duration.ofMillis(99));
        assertThat(played()).hasSize(1);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(played()).hasSize(2);
        scheduler.advance(Duration.ofMillis(299));
        assertThat(played()).hasSize(2);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(played()).extracting(RequestRecord::seq).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aLongIdleGapIsCutToTwoSeconds() {
        loadFour();
        control.play();
        scheduler.advance(Duration.ofMillis(400));
        assertThat(played()).hasSize(3);

        scheduler.advance(ReplayControl.MAX_GAP);

        assertThat(played()).hasSize(4);
        assertThat(control.state().finished()).isTrue();
        assertThat(control.state().playing()).isFalse();
    }

    @Test
    void speedDividesTheWait() {
        loadFour();
        control.setSpeed(ReplaySpeed.X4);
        control.play();
        scheduler.advance(Duration.ofMillis(25));
        assertThat(played()).hasSize(2);
        scheduler.advance(Duration.ofMillis(75));
        assertThat(played()).hasSize(3);
    }

    @Test
    void slowSpeedMultipliesTheWait() {
        loadFour();
        control.setSpeed(ReplaySpeed.X0_25);
        control.play();
        scheduler.advance(Duration.ofMillis(399));
        assertThat(played()).hasSize(1);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(played()).hasSize(2);
    }

    @Test
    void maxSpeedPlaysEverythingWithoutWaiting() {
        loadFour();
        control.setSpeed(ReplaySpeed.MAX);
        control.play();
        scheduler.runDue();

        assertThat(played()).hasSize(4);
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

        assertThat(played()).hasSize(2);
        scheduler.advance(Duration.ofMillis(100));
        assertThat(played()).hasSize(3); // the stale 1× schedule did not play a second call
    }

    @Test
    void pauseStopsPlayingAndPlayResumes() {
        loadFour();
        control.play();
        scheduler.runDue();
        control.pause();
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(played()).hasSize(1);
        assertThat(control.state().playing()).isFalse();

        control.play();
        scheduler.advance(Duration.ofMillis(100));

        assertThat(played()).hasSize(2);
    }

    @Test
    void stepPlaysExactlyTheNextCallAndPauses() {
        loadFour();
        control.play();
        scheduler.runDue();

        control.step();
        scheduler.runDue();

        assertThat(played()).extracting(RequestRecord::seq).containsExactly(1L, 2L);
        assertThat(control.state().playing()).isFalse();
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(played()).hasSize(2);
    }

    @Test
    void stepAtTheEndDoesNothing() {
        control.load(new Recording(List.of(at(1, 0)), List.of()));
        control.step();
        control.step();
        scheduler.runDue();

        assertThat(played()).hasSize(1);
        assertThat(control.state().finished()).isTrue();
    }

    @Test
    void playAskedBeforeTheFileIsReadStartsOnceItIs() {
        control.play();
        assertThat(control.state().playing()).isTrue();

        loadFour();
        scheduler.runDue();

        assertThat(played()).hasSize(1);
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

    @Test
    void seekingForwardShowsTheCallsUpToThatOneAndNothingMoreWhilePaused() {
        loadFour();

        control.seek(3);
        scheduler.advance(Duration.ofMinutes(1));

        assertThat(played()).extracting(RequestRecord::seq).containsExactly(1L, 2L, 3L);
        assertThat(target.restarts()).isZero();
        assertThat(control.state().at()).isEqualTo(RecordedCalls.T0.plusMillis(400));
    }

    @Test
    void seekingBackStartsOverWithTheCallsUpToThatOne() {
        loadFour();
        control.seek(4);
        scheduler.runDue();

        control.seek(1);
        scheduler.runDue();

        assertThat(played()).extracting(RequestRecord::seq).containsExactly(1L);
        assertThat(target.restarts()).isEqualTo(1);
        assertThat(control.state().finished()).isFalse();
        assertThat(control.state().position()).isEqualTo(1);
    }

    @Test
    void seekingToTheStartShowsNoCall() {
        loadFour();
        control.seek(2);
        scheduler.runDue();

        control.seek(0);
        scheduler.runDue();

        assertThat(played()).isEmpty();
        assertThat(control.state().at()).isNull();
    }

    @Test
    void quickSeeksCostOneCatchUpToTheLast() {
        loadFour();
        control.seek(4);
        scheduler.runDue();

        control.seek(3);
        control.seek(2);
        control.seek(1);
        scheduler.runDue();

        assertThat(target.restarts()).isEqualTo(1);
        assertThat(played()).extracting(RequestRecord::seq).containsExactly(1L);
    }

    @Test
    void seekingOutOfRangeGoesToTheEnd() {
        loadFour();

        control.seek(99);
        scheduler.runDue();

        assertThat(played()).hasSize(4);
        assertThat(control.state().finished()).isTrue();
    }

    @Test
    void seekingWhilePlayingPlaysOnFromThere() {
        loadFour();
        control.play();
        scheduler.advance(Duration.ofMillis(100));
        assertThat(played()).hasSize(2);

        control.seek(0);
        scheduler.runDue();

        assertThat(control.state().playing()).isTrue();
        assertThat(played()).extracting(RequestRecord::seq).containsExactly(1L);
        scheduler.advance(Duration.ofMillis(100));
        assertThat(played()).extracting(RequestRecord::seq).containsExactly(1L, 2L);
    }

    @Test
    void stepBackPausesAndGoesToTheStateBeforeTheLastCall() {
        loadFour();
        control.play();
        scheduler.advance(Duration.ofMillis(100));

        control.stepBack();
        scheduler.advance(Duration.ofMinutes(1));

        assertThat(control.state().playing()).isFalse();
        assertThat(played()).extracting(RequestRecord::seq).containsExactly(1L);
    }

    @Test
    void stepBackAtTheStartDoesNothing() {
        loadFour();

        control.stepBack();
        scheduler.runDue();

        assertThat(control.state().position()).isZero();
        assertThat(target.restarts()).isZero();
    }

    @Test
    void afterTheEndASeekBackMakesItPlayableAgain() {
        loadFour();
        control.setSpeed(ReplaySpeed.MAX);
        control.play();
        scheduler.runDue();
        assertThat(control.state().finished()).isTrue();

        control.seek(2);
        control.play();
        scheduler.runDue();

        assertThat(control.state().finished()).isTrue();
        assertThat(played()).extracting(RequestRecord::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(target.restarts()).isEqualTo(1);
    }
}
