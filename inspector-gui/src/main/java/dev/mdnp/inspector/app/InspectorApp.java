package dev.mdnp.inspector.app;

import java.time.Clock;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application: one {@link InspectorWindow} as the command line says ({@link InspectorOptions}); the
 * {@link Launcher} has already checked the command line. The window saves the preferences when it closes, when the
 * application stops, and when the JVM is told to end (SIGTERM: a logout, {@code kill}, a script stopping it).
 */
public final class InspectorApp extends Application {

    private volatile InspectorWindow window;

    @Override
    public void start(Stage stage) {
        InspectorOptions.Parsed parsed = InspectorOptions.parse(getParameters().getRaw());
        if (!(parsed instanceof InspectorOptions.Parsed.Run run)) {
            throw new IllegalStateException("the launcher starts the app only with valid options: " + parsed);
        }
        window = InspectorWindow.open(stage, run.options(), PreferencesFile.forUser(), Clock.systemDefaultZone());
        // The FX thread may be gone by the time the hook runs: the window saves what it noted last.
        InspectorWindow opened = window;
        Runtime.getRuntime().addShutdownHook(new Thread(opened::saveNoted, "mdnp-inspector-exit"));
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
