package dev.mdnp.inspector.app;

import javafx.application.Application;

/** The inspector's main class: a plain class, so the app starts from the classpath (no module path needed). */
public final class Launcher {

    private Launcher() {
    }

    /** Starts the inspector; see {@link InspectorApp} for the options. */
    public static void main(String[] args) {
        Application.launch(InspectorApp.class, args);
    }
}
