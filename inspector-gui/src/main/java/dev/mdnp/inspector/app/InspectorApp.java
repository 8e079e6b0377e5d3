package dev.mdnp.inspector.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application. */
public final class InspectorApp extends Application {

    @Override
    public void start(Stage stage) {
        Label label = new Label("mdnp inspector");
        label.setId("title");
        stage.setScene(new Scene(label, 400, 300));
        stage.show();
    }
}
