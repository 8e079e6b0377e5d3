package dev.mdnp.inspector.view.replay;

import atlantafx.base.theme.Styles;
import dev.mdnp.inspector.model.ReplaySpeed;
import dev.mdnp.inspector.view.common.NoticeLabel;
import dev.mdnp.inspector.viewmodel.ReplayViewModel;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

/**
 * The tool bar of a replay: play/pause ({@code #replayPlay}), step ({@code #replayStep}), the speed
 * ({@code #replaySpeed}), a progress bar ({@code #replayProgress}) with the position as {@code 12 / 80}
 * ({@code #replayPosition}), and a warning when lines of the file were skipped ({@code #replaySkipped}, its tooltip
 * naming them). Id {@code #replayBar}.
 */
public final class ReplayBar extends ToolBar {

    /** Creates the bar, bound to {@code model}. */
    public ReplayBar(ReplayViewModel model) {
        setId("replayBar");

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
        step.setTooltip(new Tooltip("Play exactly the next call"));

        ComboBox<ReplaySpeed> speed = new ComboBox<>(FXCollections.observableList(model.speeds()));
        speed.setId("replaySpeed");
        speed.setConverter(new SpeedLabels());
        speed.valueProperty().bindBidirectional(model.speedProperty());
        speed.setTooltip(new Tooltip("Speed; idle gaps longer than 2 s are cut to 2 s"));

        ProgressBar progress = new ProgressBar();
        progress.setId("replayProgress");
        progress.progressProperty().bind(model.progressProperty());
        progress.setPrefWidth(200);

        Label position = new Label();
        position.setId("replayPosition");
        position.getStyleClass().add("mono");
        position.textProperty().bind(model.progressTextProperty());

        Label skipped = new NoticeLabel(model.skippedProperty(), model.skippedDetailProperty());
        skipped.setId("replaySkipped");
        skipped.getStyleClass().add(Styles.WARNING);

        getItems().addAll(new Label("Replay"), play, step, speed, new Separator(), progress, position, skipped);
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
