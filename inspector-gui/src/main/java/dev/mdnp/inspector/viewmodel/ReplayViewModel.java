package dev.mdnp.inspector.viewmodel;

import static java.util.Objects.requireNonNull;

import dev.mdnp.inspector.client.MalformedLine;
import dev.mdnp.inspector.client.ReplayControl;
import dev.mdnp.inspector.model.ReplaySpeed;
import dev.mdnp.inspector.client.ReplayState;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.jspecify.annotations.Nullable;

/**
 * What the replay bar shows and does: playing or not, how far the replay got ({@code 12 / 80}) and where that is in
 * words for the connection bar ({@code replay — call 12 of 80, 21:40:02.113}), seeking to any call
 * and stepping back and forth, the speed, whether it finished, and the lines of the file that were skipped. The
 * control reports from the replay's thread; each report is handed to {@code fxThread} ({@code Platform::runLater}
 * in the app, {@code Runnable::run} in tests), so the properties change only there.
 */
public final class ReplayViewModel {

    /** The most labelled marks the timeline shows, whatever the number of calls. */
    static final int MAX_MARKS = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

    private final ReplayControl control;
    private final ZoneId zone;
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("0 / 0");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<ReplaySpeed> speed = new SimpleObjectProperty<>(ReplaySpeed.X1);
    private final ReadOnlyStringWrapper skipped = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper skippedDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper markStep = new ReadOnlyIntegerWrapper(1);
    /**
     * True while a report is shown: a speed that comes from the control is not sent back to it, or two quick choices
     * would echo each other's late reports for ever.
     */
    private boolean showing;

    /**
     * Creates the view model of {@code control}, whose reports reach the properties through {@code fxThread}.
     *
     * @param zone the zone the recorded times are shown in
     */
    public ReplayViewModel(ReplayControl control, ZoneId zone, Executor fxThread) {
        this.control = requireNonNull(control, "control");
        this.zone = requireNonNull(zone, "zone");
        requireNonNull(fxThread, "fxThread");
        status.set(statusText(control.state(), zone)); // at once, not only once the first report reached the FX thread
        speed.addListener((observable, old, chosen) -> {
            if (chosen != null && !showing) {
                control.setSpeed(chosen);
            }
        });
        control.subscribe(state -> fxThread.execute(() -> show(state)));
    }

    /** Returns the speeds the user may choose from, slowest first. */
    public List<ReplaySpeed> speeds() {
        return List.of(ReplaySpeed.values());
    }

    /** Plays when paused, pauses when playing. */
    public void togglePlaying() {
        if (playing.get()) {
            control.pause();
        } else {
            control.play();
        }
    }

    /** Plays exactly the next call, pausing first. */
    public void step() {
        control.step();
    }

    /** Goes one call back, pausing first: the state before the last call played. */
    public void stepBack() {
        control.stepBack();
    }

    /** Goes to the state after the first {@code count} calls, forward or back; 0 is before the first call. */
    public void seek(int count) {
        control.seek(count);
    }

    /** Returns whether calls are played on their own. */
    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** Returns how many calls were played. */
    public ReadOnlyIntegerProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** Returns how many calls the session has. */
    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** Returns the position as text, such as {@code 12 / 80}. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** Returns whether every call was played; play and step then do nothing. */
    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    /** Returns the speed; setting it changes the control's. */
    public ObjectProperty<ReplaySpeed> speedProperty() {
        return speed;
    }

    /** Returns a short note on skipped lines, such as {@code 2 lines skipped}; empty when none were. */
    public ReadOnlyStringProperty skippedProperty() {
        return skipped.getReadOnlyProperty();
    }

    /** Returns the skipped lines with their problems, one per line, for a tooltip; empty when none were. */
    public ReadOnlyStringProperty skippedDetailProperty() {
        return skippedDetail.getReadOnlyProperty();
    }

    /**
     * Returns where the replay stands in words, for the connection bar (which names the file beside it):
     * {@code replay — call 12 of 31, 21:40:02.113} with the recorded time of that call, and
     * {@code replay ended — call 31 of 31, …; showing the last state} at the end.
     */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Returns how many calls lie between two labelled marks of the timeline, so that at most 20 are labelled. */
    public ReadOnlyIntegerProperty markStepProperty() {
        return markStep.getReadOnlyProperty();
    }

    private void show(ReplayState state) {
        playing.set(state.playing());
        total.set(state.total()); // before the position, which a timeline keeps within the total
        position.set(state.position());
        progressText.set(state.position() + " / " + state.total());
        finished.set(state.finished());
        status.set(statusText(state, zone));
        markStep.set(markStep(state.total()));
        showing = true;
        try {
            speed.set(state.speed());
        } finally {
            showing = false;
        }
        int count = state.malformed().size();
        skipped.set(count == 0 ? "" : count == 1 ? "1 line skipped" : count + " lines skipped");
        skippedDetail.set(state.malformed().stream().map(MalformedLine::describe)
                .collect(Collectors.joining("\n")));
    }

    private static String statusText(ReplayState state, ZoneId zone) {
        if (state.total() == 0) {
            return state.finished() ? "replay — the file has no calls" : "replay — reading the file";
        }
        if (state.position() == 0) {
            return "replay — at the start, before call 1 of " + state.total();
        }
        String where = "call " + state.position() + " of " + state.total() + ", " + time(state.at(), zone);
        return state.finished() ? "replay ended — " + where + "; showing the last state" : "replay — " + where;
    }

    private static String time(@Nullable Instant at, ZoneId zone) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    /** Returns 1, 2, 5, 10, 20, 50, … calls: the smallest such step that labels at most {@link #MAX_MARKS} marks. */
    static int markStep(int total) {
        int step = 1;
        for (int i = 0; (total + step - 1) / step > MAX_MARKS; i++) {
            step = switch (i % 3) {
                case 0 -> step * 2;
                case 1 -> step / 2 * 5;
                default -> step * 2;
            };
        }
        return step;
    }
}
