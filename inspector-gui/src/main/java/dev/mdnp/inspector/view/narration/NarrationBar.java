package dev.mdnp.inspector.view.narration;

import dev.mdnp.inspector.viewmodel.NarrationViewModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * A line under the connection bar with the narration's newest line ({@code #narrationText}), such as
 * {@code step 4/9: docker run …} or {@code demo finished …}, in large type for a projector and wrapped when long;
 * hidden until there is one. Id {@code #narrationBar}, style class {@code narration-bar} (the type's size and weight
 * are in the theme).
 */
public final class NarrationBar extends HBox {

    /** Builds the line bound to {@code model}. */
    public NarrationBar(NarrationViewModel model) {
        setId("narrationBar");
        getStyleClass().add("narration-bar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 8, 4, 8));
        visibleProperty().bind(model.shownProperty());
        managedProperty().bind(model.shownProperty());

        Label text = new Label();
        text.setId("narrationText");
        text.textProperty().bind(model.textProperty());
        text.setWrapText(true); // a long step goes on a second line rather than being cut
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(model.textProperty().concat("\n(read from " + model.file() + ")"));
        text.setTooltip(whole);
        getChildren().add(text);
    }
}
