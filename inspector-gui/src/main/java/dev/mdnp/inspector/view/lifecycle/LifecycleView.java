package dev.mdnp.inspector.view.lifecycle;

import static java.util.Objects.requireNonNull;

import dev.mdnp.inspector.export.CallText;
import dev.mdnp.inspector.viewmodel.LifecycleStep;
import dev.mdnp.inspector.viewmodel.LifecycleViewModel;
import dev.mdnp.model.inspect.RequestRecord;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * One endpoint's lifecycle as a horizontal timeline: a box per call with its method, its offset from the first
 * call and its duration, styled {@code step-ok} or {@code step-error}, joined by arrows. A timeline wider than the
 * pane scrolls horizontally (and shows its newest call when one is added) instead of running off the right edge.
 * Clicking a box makes its call the {@link #chosenCallProperty chosen} one.
 */
public final class LifecycleView {

    private final LifecycleViewModel lifecycle;
    private final HBox steps = new HBox(4);
    private final ScrollPane scroll = new ScrollPane(steps);
    private final ReadOnlyObjectWrapper<@Nullable RequestRecord> chosen = new ReadOnlyObjectWrapper<>(this, "chosen");

    /** Builds the timeline over {@code lifecycle}. */
    public LifecycleView(LifecycleViewModel lifecycle) {
        this.lifecycle = requireNonNull(lifecycle, "lifecycle");
        scroll.setId("lifecycle");
        scroll.getStyleClass().add("lifecycle");
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPannable(true);
        scroll.setMinWidth(0);
        scroll.setPrefViewportWidth(0);
        steps.setMinWidth(Region.USE_PREF_SIZE);
        // The timeline grows when a call is added: show the newest one.
        steps.widthProperty().addListener((obs, old, now) -> scroll.setHvalue(scroll.getHmax()));
        steps.setAlignment(Pos.CENTER_LEFT);
        steps.setPadding(new Insets(8));
        lifecycle.steps().addListener((ListChangeListener<LifecycleStep>) change -> fill());
        fill();
    }

    /** Returns the timeline's node. */
    public Node node() {
        return scroll;
    }

    /** Returns the call whose box was clicked last; null before the first click. */
    public ReadOnlyObjectProperty<@Nullable RequestRecord> chosenCallProperty() {
        return chosen.getReadOnlyProperty();
    }

    private void fill() {
        steps.getChildren().clear();
        if (lifecycle.steps().isEmpty()) {
            Label empty = new Label("Right-click a call with an endpoint and choose \"Follow this endpoint\".");
            empty.getStyleClass().add("lifecycle-empty");
            steps.getChildren().add(empty);
            return;
        }
        for (LifecycleStep step : lifecycle.steps()) {
            if (!steps.getChildren().isEmpty()) {
                Label arrow = new Label("→");
                arrow.getStyleClass().add("lifecycle-arrow");
                steps.getChildren().add(arrow);
            }
            steps.getChildren().add(box(step));
        }
    }

    private Node box(LifecycleStep step) {
        Label method = new Label(CallText.shortMethod(step.method()));
        method.getStyleClass().add("step-method");
        Label offset = new Label(offset(step.offsetMicros()));
        offset.getStyleClass().add("step-offset");
        Label duration = new Label(CallText.millis(step.durationMicros()) + " ms");
        duration.getStyleClass().add("step-duration");
        VBox box = new VBox(2, method, offset, duration);
        box.setMaxHeight(Region.USE_PREF_SIZE);
        box.getStyleClass().addAll("lifecycle-step", step.ok() ? "step-ok" : "step-error");
        Tooltip.install(box, new Tooltip("#" + step.call().seq() + " " + CallText.result(step.call())));
        box.setOnMouseClicked(event -> chosen.set(step.call()));
        return box;
    }

    private static String offset(long micros) {
        if (micros < 1_000_000) {
            return "+" + CallText.millis(micros) + " ms";
        }
        return String.format(Locale.ROOT, "+%.3f s", micros / 1_000_000.0);
    }
}
