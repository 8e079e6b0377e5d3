package dev.mdnp.inspector.client;

import static java.util.Objects.requireNonNull;

import dev.mdnp.inspector.model.ReplaySpeed;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Plays a recorded session: play, pause, step one call, and the speed. While playing, the wait before each call is
 * the recorded gap since the call before it, at most {@link #MAX_GAP} so that a quiet minute in a recording does
 * not stall a class, divided by the speed.
 *
 * <p>Thread-safe: every method may be called from any thread, the replay's own thread plays the calls, and this
 * object's lock guards its state. Calls are handed to the {@code play} consumer and states to the listeners with
 * the lock held, one at a time and in order; both must be quick and must not block on another thread that uses
 * this control.
 */
public final class ReplayControl {

    /** The longest wait between two calls at 1×, however long the recorded gap was. */
    public static final Duration MAX_GAP = Duration.ofSeconds(2);

    private final ReplayScheduler scheduler;
    private final Consumer<RequestRecord> play;
    private final List<Consumer<ReplayState>> listeners = new CopyOnWriteArrayList<>();
    private List<RequestRecord> calls = List.of();
    private List<MalformedLine> malformed = List.of();
    private boolean loaded;
    private int position;
    private boolean playing;
    private ReplaySpeed speed = ReplaySpeed.X1;
    /** Counts schedulings; a scheduled call whose number is not the latest was cancelled by a pause or a speed. */
    private long generation;

    /** Creates a control that plays calls to {@code play} on {@code scheduler}'s thread, once {@link #load}ed. */
    ReplayControl(ReplayScheduler scheduler, Consumer<RequestRecord> play) {
        this.scheduler = requireNonNull(scheduler, "scheduler");
        this.play = requireNonNull(play, "play");
    }

    /** Hands over the session read from the file; if {@link #play()} was asked for before, playing starts. */
    synchronized void load(Recording recording) {
        calls = recording.calls();
        malformed = recording.malformed();
        loaded = true;
        position = 0;
        if (calls.isEmpty()) {
            playing = false;
        } else if (playing) {
            scheduleNext();
        }
        changed();
    }

    /** Plays the calls that are left, one after the other at the chosen speed; no-op when finished or playing. */
    public synchronized void play() {
        if (playing || finished()) {
            return;
        }
        playing = true;
        if (loaded) {
            scheduleNext();
        }
        changed();
    }

    /** Stops playing after the call being played; no-op when paused. */
    public synchronized void pause() {
        if (!playing) {
            return;
        }
        playing = false;
        generation++;
        changed();
    }

    /** Pauses, then plays exactly the next call, at once; no-op when finished. */
    public synchronized void step() {
        if (playing) {
            playing = false;
            generation++;
        }
        if (loaded && position < calls.size()) {
            playNext();
        }
        changed();
    }

    /** Sets the speed; a call waiting to be played waits again, at the new speed. */
    public synchronized void setSpeed(ReplaySpeed newSpeed) {
        requireNonNull(newSpeed, "speed");
        if (newSpeed == speed) {
            return;
        }
        speed = newSpeed;
        if (playing && loaded) {
            scheduleNext();
        }
        changed();
    }

    /** Returns where the replay stands now. */
    public synchronized ReplayState state() {
        return new ReplayState(position, calls.size(), playing, speed, finished(), malformed);
    }

    /** Tells {@code listener} the current state at once, then every change, with this control's lock held. */
    public synchronized void subscribe(Consumer<ReplayState> listener) {
        listeners.add(requireNonNull(listener, "listener"));
        listener.accept(state());
    }

    private boolean finished() {
        return loaded && position >= calls.size();
    }

    private void scheduleNext() {
        long token = ++generation;
        scheduler.schedule(() -> fire(token), delayBeforeNext());
    }

    private synchronized void fire(long token) {
        if (token != generation || !playing) {
            return;
        }
        playNext();
        if (finished()) {
            playing = false;
        } else {
            scheduleNext();
        }
        changed();
    }

    private void playNext() {
        play.accept(calls.get(position));
        position++;
    }

    private Duration delayBeforeNext() {
        if (position == 0) {
            return Duration.ZERO;
        }
        Duration gap = Duration.between(calls.get(position - 1).start(), calls.get(position).start());
        if (gap.isNegative()) {
            gap = Duration.ZERO;
        } else if (gap.compareTo(MAX_GAP) > 0) {
            gap = MAX_GAP;
        }
        return speed.scale(gap);
    }

    private void changed() {
        ReplayState state = state();
        for (Consumer<ReplayState> listener : listeners) {
            listener.accept(state);
        }
    }
}
