package dev.mdnp.inspector.client;

import static java.util.Objects.requireNonNull;

import dev.mdnp.inspector.model.ReplaySpeed;
import dev.mdnp.model.inspect.RequestRecord;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Plays a recorded session: play, pause, step forward and back, seek to any call, and the speed. While playing, the
 * wait before each call is the recorded gap since the call before it, at most {@link #MAX_GAP} so that a quiet
 * minute in a recording does not stall a class, divided by the speed.
 *
 * <p>The position moves at once, on the caller's thread; the {@link ReplayTarget} catches up on the replay's thread:
 * the calls after those it shows when the position went forward, or all the calls up to the position again when it
 * went back. Several quick seeks (a dragged slider) thus cost one catch-up, to the last.
 *
 * <p>Thread-safe: every method may be called from any thread, and this object's lock guards its state. The target
 * and the listeners are called with the lock held, one at a time and in order; both must be quick and must not
 * block on another thread that uses this control.
 */
public final class ReplayControl {

    /** The longest wait between two calls at 1×, however long the recorded gap was. */
    public static final Duration MAX_GAP = Duration.ofSeconds(2);

    private final ReplayScheduler scheduler;
    private final ReplayTarget target;
    private final List<Consumer<ReplayState>> listeners = new CopyOnWriteArrayList<>();
    private List<RequestRecord> calls = List.of();
    private List<MalformedLine> malformed = List.of();
    private boolean loaded;
    /** How many calls the replay reached. */
    private int position;
    /** How many calls the target shows; it catches up with {@link #position} on the replay's thread. */
    private int shown;
    private boolean playing;
    private ReplaySpeed speed = ReplaySpeed.X1;
    /** Counts schedulings; a scheduled call whose number is not the latest was cancelled by a pause or a speed. */
    private long generation;

    /** Creates a control that shows calls on {@code target} from {@code scheduler}'s thread, once {@link #load}ed. */
    ReplayControl(ReplayScheduler scheduler, ReplayTarget target) {
        this.scheduler = requireNonNull(scheduler, "scheduler");
        this.target = requireNonNull(target, "target");
    }

    /** Hands over the session read from the file; if {@link #play()} was asked for before, playing starts. */
    synchronized void load(Recording recording) {
        calls = recording.calls();
        malformed = recording.malformed();
        loaded = true;
        position = 0;
        shown = 0;
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

    /** Pauses, then goes exactly one call forward; no-op at the end. */
    public synchronized void step() {
        pauseThenSeek(position + 1);
    }

    /** Pauses, then goes one call back, to the state before the last call played; no-op at the start. */
    public synchronized void stepBack() {
        pauseThenSeek(position - 1);
    }

    /**
     * Goes to the state after the first {@code count} calls (0 is the start, before any call), forward or back; a
     * count out of range goes to the start or the end. Playing goes on from there; at the end it stops.
     */
    public synchronized void seek(int count) {
        if (!loaded) {
            return;
        }
        int to = Math.max(0, Math.min(count, calls.size()));
        if (to == position) {
            return;
        }
        position = to;
        generation++;
        scheduler.schedule(this::catchUp, Duration.ZERO);
        if (finished()) {
            playing = false;
        } else if (playing) {
            scheduleNext();
        }
        changed();
    }

    private void pauseThenSeek(int count) {
        if (playing) {
            playing = false;
            generation++;
            changed();
        }
        seek(count);
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
        return new ReplayState(position, calls.size(), playing, speed, finished(), malformed,
                position == 0 ? null : calls.get(position - 1).start());
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
        position++;
        catchUp();
        if (finished()) {
            playing = false;
        } else {
            scheduleNext();
        }
        changed();
    }

    /** Brings the target to the position: the calls since those it shows, or all again after a seek back. */
    private synchronized void catchUp() {
        if (position > shown) {
            target.advance(calls.subList(shown, position));
        } else if (position < shown) {
            target.restart(calls.subList(0, position));
        }
        shown = position;
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
