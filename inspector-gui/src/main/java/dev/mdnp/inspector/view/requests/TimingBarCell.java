package dev.mdnp.inspector.view.requests;

import dev.mdnp.inspector.export.CallText;
import dev.mdnp.inspector.viewmodel.PhaseRow;
import dev.mdnp.model.inspect.RequestRecord;
import java.util.StringJoiner;
import java.util.function.LongSupplier;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * A call's phases as one bar of coloured segments (decode, driver, kernel, store, encode, other). All bars share
 * one scale, the longest shown call, on a logarithmic axis so that a 50 µs call stays visible beside a 2 s one;
 * inside a bar the segments keep their true proportions. Its tooltip names each phase with its time.
 */
final class TimingBarCell extends TableCell<RequestRecord, RequestRecord> {

    private static final double PADDING = 8;

    private final LongSupplier longestMicros;
    private final HBox bar = new HBox();
    private final Tooltip tooltip = new Tooltip();

    TimingBarCell(LongSupplier longestMicros) {
        this.longestMicros = longestMicros;
        bar.getStyleClass().add("timing-bar");
        getStyleClass().add("timing-cell");
        setText(null);
    }

    @Override
    protected void updateItem(RequestRecord call, boolean empty) {
        super.updateItem(call, empty);
        if (empty || call == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        double width = Math.max(0, getTableColumn().getWidth() - PADDING) * scale(call.durationMicros());
        bar.getChildren().clear();
        StringJoiner legend = new StringJoiner("\n");
        for (PhaseRow phase : PhaseRow.of(call)) {
            if (phase.micros() > 0) {
                bar.getChildren().add(segment(phase, width));
                legend.add(phase.name() + "  " + CallText.millis(phase.micros()) + " ms");
            }
        }
        tooltip.setText(legend.toString());
        setTooltip(tooltip);
        setGraphic(bar);
    }

    private double scale(long micros) {
        long longest = Math.max(longestMicros.getAsLong(), micros);
        return longest <= 0 ? 0 : Math.log1p(micros) / Math.log1p(longest);
    }

    private static Region segment(PhaseRow phase, double barWidth) {
        Region segment = new Region();
        segment.getStyleClass().addAll("timing-segment", "timing-" + phase.name());
        double width = barWidth * phase.fraction();
        segment.setMinWidth(width);
        segment.setPrefWidth(width);
        segment.setMaxWidth(width);
        return segment;
    }
}
