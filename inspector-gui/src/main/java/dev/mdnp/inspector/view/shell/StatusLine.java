package dev.mdnp.inspector.view.shell;

import dev.mdnp.inspector.filter.QuickFilter;
import dev.mdnp.inspector.viewmodel.RequestLogViewModel;
import dev.mdnp.inspector.viewmodel.StatusSummary;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;

/**
 * The bottom line of the window: calls shown of the total and the log's capacity, failed calls (a click shows only
 * them), requests per second and the 95th-percentile latency over the last minute, and calls missed or trimmed.
 */
public final class StatusLine extends HBox {

    /** Builds the line bound to {@code log}'s figures; {@code capacity} is how many calls the log keeps. */
    public StatusLine(RequestLogViewModel log, int capacity) {
        setId("statusLine");
        getStyleClass().add("status-line");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        setPadding(new Insets(3, 8, 3, 8));
        StatusSummary status = log.status();

        Label shown = label("statusShown");
        shown.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "Shown %,d of %,d (keeps %,d)", status.shownProperty().get(),
                        status.totalProperty().get(), capacity),
                status.shownProperty(), status.totalProperty()));

        Hyperlink errors = new Hyperlink();
        errors.setId("statusErrors");
        errors.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, status.errorsProperty().get() == 1 ? "%,d error" : "%,d errors",
                        status.errorsProperty().get()),
                status.errorsProperty()));
        errors.setOnAction(event -> log.filterBar().presetProperty().set(QuickFilter.ERRORS));

        Label rate = label("statusRate");
        rate.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.1f req/s", status.requestsPerSecondProperty().get()),
                status.requestsPerSecondProperty()));

        Label p95 = label("statusP95");
        p95.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "p95 %.2f ms", status.p95MicrosProperty().get() / 1000.0),
                status.p95MicrosProperty()));

        Label losses = label("statusLosses");
        losses.textProperty().bind(Bindings.createStringBinding(
                () -> lossText(status.missedProperty().get(), status.trimmedProperty().get()),
                status.missedProperty(), status.trimmedProperty()));

        getChildren().addAll(shown, separator(), errors, separator(), rate, separator(), p95, separator(), losses);
    }

    private static String lossText(long missed, long trimmed) {
        if (missed == 0 && trimmed == 0) {
            return "nothing missed";
        }
        return String.format(Locale.ROOT, "%,d missed, %,d trimmed", missed, trimmed);
    }

    private static Label label(String id) {
        Label label = new Label();
        label.setId(id);
        return label;
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }
}
