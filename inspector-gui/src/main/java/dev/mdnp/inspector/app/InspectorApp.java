package dev.mdnp.inspector.app;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application: one {@link InspectorWindow} as the command line says ({@link InspectorOptions}); the
 * {@link Launcher} has already checked the command line. The window saves the preferences when it closes, when the
 * application stops, and when the JVM is told to end (SIGTERM: a logout, {@code kill}, a script stopping it).
 */
public final class InspectorApp extends Application {

    /** How long an ending JVM waits for a window still opening, to save its preferences. */
    private static final long OPENING_WAIT_SECONDS = 3;

    private final CountDownLatch opened = new CountDownLatch(1);
    private volatile InspectorWindow window;

    @Override
    public void start(Stage stage) {
        InspectorOptions.Parsed parsed = InspectorOptions.parse(getParameters().getRaw());
        if (!(parsed instanceof InspectorOptions.Parsed.Run run)) {
            throw new IllegalStateException("the launcher starts the app only with valid options: " + parsed);
        }
        // Before the window opens, so that no SIGTERM finds it open without the hook.
        Runtime.getRuntime().addShutdownHook(new Thread(this::saveOnExit, "mdnp-inspector-exit"));
        PreferencesFile preferences = PreferencesFile.forUser();
        window = InspectorWindow.open(stage, run.options(), preferences, Clock.systemDefaultZone());
        opened.countDown();
        if (!window.preferencesProblem().isEmpty()) {
            System.err.println("mdnp-inspector: " + window.preferencesProblem());
        }
        System.err.println("mdnp-inspector: showing " + window.session().feed().source() + " (preferences in "
                + preferences.path() + ")");
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }

    /**
     * Saves what the window noted last, without the FX thread, which may be gone; waits a little for a window that
     * is still opening.
     */
    private void saveOnExit() {
        try {
            if (opened.await(OPENING_WAIT_SECONDS, TimeUnit.SECONDS)) {
                window.saveNoted();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
