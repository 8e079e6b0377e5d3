package dev.mdnp.inspector.testsupport;

import dev.mdnp.inspector.app.InspectorOptions;
import dev.mdnp.inspector.app.InspectorWindow;
import dev.mdnp.inspector.app.PreferencesFile;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Opens the inspector's whole window for a test, as the app does, with its preferences in a test directory. */
public final class Windows {

    private Windows() {
    }

    /** Opens the window on the daemon whose inspect socket is {@code socket}; call on the FX thread. */
    public static InspectorWindow live(Stage stage, Path socket, Path preferencesDir) {
        return open(stage, new InspectorOptions(socket, null), preferencesDir);
    }

    /**
     * Opens the window on the daemon whose inspect socket is {@code socket} at 1280×800 (a classroom projector's size)
     * in the primary stage, from a test's body: for tests whose daemon starts after an {@code @Start} method would run.
     */
    public static InspectorWindow liveProjector(FxRobot robot, Path socket, Path preferencesDir)
            throws TimeoutException {
        Stage stage = FxToolkit.registerPrimaryStage();
        AtomicReference<InspectorWindow> opened = new AtomicReference<>();
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
            opened.set(live(stage, socket, preferencesDir));
        });
        return opened.get();
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
