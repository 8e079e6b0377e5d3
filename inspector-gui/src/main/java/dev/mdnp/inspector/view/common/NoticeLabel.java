package dev.mdnp.inspector.view.common;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * A label for a notice that only sometimes applies: it shows {@code text} and takes no room while that is empty,
 * and its tooltip shows {@code detail}, the longer explanation.
 */
public final class NoticeLabel extends Label {

    /** Creates the label, bound to {@code text} and, for its tooltip, to {@code detail}. */
    public NoticeLabel(ObservableStringValue text, ObservableStringValue detail) {
        textProperty().bind(text);
        visibleProperty().bind(textProperty().isNotEmpty());
        managedProperty().bind(visibleProperty());
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(detail);
        setTooltip(tooltip);
    }
}
