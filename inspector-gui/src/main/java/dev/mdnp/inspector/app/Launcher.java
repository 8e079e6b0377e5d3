package dev.mdnp.inspector.app;

import java.io.PrintStream;
import java.util.List;
import javafx.application.Application;

/**
 * The inspector's main class: checks the command line ({@code --help}, {@code --version} and usage errors end here,
 * with exit status 0 or 2), then starts {@link InspectorApp}. A plain class, so the app starts from the classpath.
 */
public final class Launcher {

    private Launcher() {
    }

    /** Starts the inspector; see {@link InspectorOptions} for the command line. */
    public static void main(String[] args) {
        InspectorOptions.Parsed parsed = InspectorOptions.parse(List.of(args));
        if (parsed instanceof InspectorOptions.Parsed.Exit exit) {
            PrintStream out = exit.error() ? System.err : System.out;
            out.print(exit.text());
            out.flush();
            System.exit(exit.status());
        }
        Application.launch(InspectorApp.class, args);
    }
}
