package dev.mdnp.inspector.testsupport;

import atlantafx.base.theme.PrimerLight;
import dev.mdnp.inspector.theme.ThemeSwitcher;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Shows a pane of the object tabs in a stage, styled with AtlantaFX's light theme and {@code inspector.css}. */
public final class ObjectsScene {

    private ObjectsScene() {
    }

    /** Puts {@code root} in {@code stage}, styled, and shows it. */
    public static void show(Stage stage, Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().addAll(new PrimerLight().getUserAgentStylesheet(), ThemeSwitcher.stylesheetUrl());
        stage.setScene(scene);
        stage.show();
    }
}
