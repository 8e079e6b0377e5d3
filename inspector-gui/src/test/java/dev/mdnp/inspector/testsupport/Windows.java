package dev.mdnp.inspector.testsupport;

import dev.mdnp.inspector.app.InspectorOptions;
import dev.mdnp.inspector.app.InspectorWindow;
import dev.mdnp.inspector.app.PreferencesFile;
import java.nio.file.Path;
import java.time.Clock;
import javafx.stage.Stage;

/** Opens the inspector's whole window for a test, as the app does, with its preferences in a test directory. */
public final class Windows {

    private Windows() {
    }

    /** Opens the window on the daemon whose inspect socket is {@code socket}; call on the FX thread. */
    public static InspectorWindow live(Stage stage, Path socket, Path preferencesDir) {
        return open(stage, new InspectorOptions(socket, null), preferencesDir);
    }

    /** Opens the window replaying the recorded {@code session}; call on the FX thread. */
    public static InspectorWindow replay(Stage stage, Path session, Path preferencesDir) {
        return open(stage, new InspectorOptions(Path.of("/nonexistent"), session), preferencesDir);
    }

    private static InspectorWindow open(Stage stage, InspectorOptions options, Path preferencesDir) {
        return InspectorWindow.open(stage, options, new PreferencesFile(preferencesDir.resolve("inspector.json")),
                Clock.systemDefaultZone());
    }
}
