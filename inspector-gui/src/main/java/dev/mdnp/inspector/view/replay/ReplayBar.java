package dev.mdnp.inspector.view.replay;

import atlantafx.base.theme.Styles;
import dev.mdnp.inspector.model.ReplaySpeed;
import dev.mdnp.inspector.view.common.NoticeLabel;
import dev.mdnp.inspector.viewmodel.ReplayViewModel;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.util.StringConverter;
import org.jspecify.annotations.Nullable;

/**
 * The tool bar of a replay: step back ({@code #replayBack}, Alt+←), play/pause ({@code #replayPlay}), step forward
 * ({@code #replayStep}, Alt+→), the speed ({@code #replaySpeed}), a timeline with a mark per call or per few calls
 * ({@code #replayTimeline}; dragging or clicking it seeks to that call, backwards too; ← and → move it by one call
 * when it has the focus) with the position as {@code 12 / 80} ({@code #replayPosition}), and a warning when lines of
 * the file were skipped ({@code #replaySkipped}, its tooltip naming them). Id {@code #replayBar}.
 */
public final class ReplayBar extends ToolBar {

    private static final KeyCombination BACK_KEY = new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN);
    private static final KeyCombination STEP_KEY = new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN);
    private static final double TIMELINE_WIDTH = 360;

    private final Slider timeline = new Slider(0, 0, 0);
    /** True while the timeline is moved to the model's position, which is then not sent back as a seek. */
    private boolean following;

    /** Creates the bar, bound to {@code model}. */
    public ReplayBar(ReplayViewModel model) {
        setId("replayBar");

        Button back = new Button("Back");
        back.setId("replayBack");
        back.disableProperty().bind(model.positionProperty().isEqualTo(0));
        back.setOnAction(event -> model.stepBack());
        back.setTooltip(new Tooltip("Go one call back, to the state before it (Alt+←)"));

        Button play = new Button();
        play.setId("replayPlay");
        play.textProperty().bind(Bindings.when(model.playingProperty()).then("Pause").otherwise("Play"));
        play.disableProperty().bind(model.finishedProperty());
        play.setOnAction(event -> model.togglePlaying());
        play.setTooltip(new Tooltip("Play the recorded calls at their recorded pace, or pause"));

        Button step = new Button("Step");
        step.setId("replayStep");
        step.disableProperty().bind(model.finishedProperty());
        step.setOnAction(event -> model.step());
        step.setTooltip(new Tooltip("Play exactly the next call (Alt+→)"));

        ComboBox<ReplaySpeed> speed = new ComboBox<>(FXCollections.observableList(model.speeds()));
        speed.setId("replaySpeed");
        speed.setConverter(new SpeedLabels());
        speed.valueProperty().bindBidirectional(model.speedProperty());
        speed.setTooltip(new Tooltip("Speed; idle gaps longer than 2 s are cut to 2 s"));

        timeline.setId("replayTimeline");
        timeline.setPrefWidth(TIMELINE_WIDTH);
        timeline.setBlockIncrement(1);
        timeline.setShowTickMarks(true);
        timeline.setShowTickLabels(true);
        timeline.maxProperty().bind(model.totalProperty());
        timeline.majorTickUnitProperty().bind(model.markStepProperty());
        // A mark for every call while there is room for one: up to 10 calls between two labelled marks.
        timeline.minorTickCountProperty().bind(Bindings.createIntegerBinding(
                () -> model.markStepProperty().get() <= 10 ? model.markStepProperty().get() - 1 : 0,
                model.markStepProperty()));
        timeline.setTooltip(new Tooltip("Drag or click to go to any call, backwards too; ← and → move by one call"));
        timeline.valueProperty().addListener((observable, old, value) -> {
            if (!following) {
                model.seek((int) Math.round(value.doubleValue()));
            }
        });
        timeline.valueChangingProperty().addListener((observable, was, changing) -> {
            if (!changing) {
                follow(model.positionProperty().get());
            }
        });
        model.positionProperty().addListener((observable, old, position) -> {
            if (!timeline.isValueChanging()) {
                follow(position.intValue());
            }
        });
        follow(model.positionProperty().get());

        Label position = new Label();
        position.setId("replayPosition");
        position.getStyleClass().add("mono");
        position.textProperty().bind(model.progressTextProperty());

        Label skipped = new NoticeLabel(model.skippedProperty(), model.skippedDetailProperty());
        skipped.setId("replaySkipped");
        skipped.getStyleClass().add(Styles.WARNING);

        getItems().addAll(new Label("Replay"), back, play, step, speed, new Separator(), timeline, position, skipped);
        Map<KeyCombination, Runnable> keys = Map.of(BACK_KEY, model::stepBack, STEP_KEY, model::step);
        sceneProperty().addListener((observable, old, scene) -> moveKeys(keys, old, scene));
        moveKeys(keys, null, getScene());
    }

    /** Puts the thumb on {@code position} without seeking there again. */
    private void follow(int position) {
        following = true;
        try {
            timeline.setValue(position);
        } finally {
            following = false;
        }
    }

    private static void moveKeys(Map<KeyCombination, Runnable> keys, @Nullable Scene from, @Nullable Scene to) {
        if (from != null) {
            keys.keySet().forEach(from.getAccelerators()::remove);
        }
        if (to != null) {
            to.getAccelerators().putAll(keys);
        }
    }

    /** Shows a speed by its label, such as {@code 2×}. */
    private static final class SpeedLabels extends StringConverter<ReplaySpeed> {

        @Override
        public String toString(ReplaySpeed speed) {
            return speed == null ? "" : speed.label();
        }

        @Override
        public ReplaySpeed fromString(String label) {
            for (ReplaySpeed speed : ReplaySpeed.values()) {
                if (speed.label().equals(label)) {
                    return speed;
                }
            }
            return ReplaySpeed.X1;
        }
    }
}
