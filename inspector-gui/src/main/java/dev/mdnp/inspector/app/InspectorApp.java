package dev.mdnp.inspector.app;

import java.time.Clock;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application: one {@link InspectorWindow} as the command line says ({@link InspectorOptions}); the
 * {@link Launcher} has already checked the command line.
 */
public final class InspectorApp extends Application {

    private InspectorWindow window;

    @Override
    public void start(Stage stage) {
        InspectorOptions.Parsed parsed = InspectorOptions.parse(getParameters().getRaw());
        if (!(parsed instanceof InspectorOptions.Parsed.Run run)) {
            throw new IllegalStateException("the launcher starts the app only with valid options: " + parsed);
        }
        window = InspectorWindow.open(stage, run.options(), PreferencesFile.forUser(), Clock.systemDefaultZone());
        if (!window.preferencesProblem().isEmpty()) {
            System.err.println("mdnp-inspector: " + window.preferencesProblem());
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
