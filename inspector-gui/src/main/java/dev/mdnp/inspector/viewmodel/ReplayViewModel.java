package dev.mdnp.inspector.viewmodel;

import static java.util.Objects.requireNonNull;

import dev.mdnp.inspector.client.MalformedLine;
import dev.mdnp.inspector.client.ReplayControl;
import dev.mdnp.inspector.model.ReplaySpeed;
import dev.mdnp.inspector.client.ReplayState;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the replay bar shows and does: playing or not, how far the replay got ({@code 12 / 80}), the speed, whether
 * it finished, and the lines of the file that were skipped. The control reports from the replay's thread; each
 * report is handed to {@code fxThread} ({@code Platform::runLater} in the app, {@code Runnable::run} in tests), so
 * the properties change only there.
 */
public final class ReplayViewModel {

    private final ReplayControl control;
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("0 / 0");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<ReplaySpeed> speed = new SimpleObjectProperty<>(ReplaySpeed.X1);
    private final ReadOnlyStringWrapper skipped = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper skippedDetail = new ReadOnlyStringWrapper("");
    /**
     * True while a report is shown: a speed that comes from the control is not sent back to it, or two quick choices
     * would echo each other's late reports for ever.
     */
    private boolean showing;

    /** Creates the view model of {@code control}, whose reports reach the properties through {@code fxThread}. */
    public ReplayViewModel(ReplayControl control, Executor fxThread) {
        this.control = requireNonNull(control, "control");
        requireNonNull(fxThread, "fxThread");
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

    /** Returns the share of calls played, from 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
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

    private void show(ReplayState state) {
        playing.set(state.playing());
        position.set(state.position());
        total.set(state.total());
        progress.set(state.total() == 0 ? 0 : (double) state.position() / state.total());
        progressText.set(state.position() + " / " + state.total());
        finished.set(state.finished());
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
}
