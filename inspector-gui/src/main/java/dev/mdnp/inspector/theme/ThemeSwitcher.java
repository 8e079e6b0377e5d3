package dev.mdnp.inspector.theme;

import static java.util.Objects.requireNonNull;

import java.net.URL;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;

/**
 * Applies the inspector's theme: AtlantaFX's user-agent style sheet for the whole application, switched whenever
 * {@link #themeProperty()} changes, plus the inspector's own {@code inspector.css}, which each scene gets through
 * {@link #style(Scene)} and which uses only AtlantaFX's colour tokens, so it suits both themes. FX thread only.
 */
public final class ThemeSwitcher {

    /** The inspector's style sheet, beside this class. */
    public static final String STYLESHEET = "inspector.css";

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    private final Consumer<String> userAgentStylesheet;

    /** Creates a switcher that sets the application's user-agent style sheet and applies {@code initial} now. */
    public ThemeSwitcher(Theme initial) {
        this(initial, Application::setUserAgentStylesheet);
    }

    /** Creates a switcher that hands each theme's user-agent style sheet to {@code userAgentStylesheet}. */
    public ThemeSwitcher(Theme initial, Consumer<String> userAgentStylesheet) {
        this.userAgentStylesheet = requireNonNull(userAgentStylesheet, "userAgentStylesheet");
        theme.addListener((observable, old, chosen) -> apply(chosen));
        theme.set(requireNonNull(initial, "initial"));
    }

    /** Returns the current theme; setting it switches the application's looks. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Switches to the other theme. */
    public void toggle() {
        theme.set(theme.get().other());
    }

    /** Adds the inspector's own style sheet to {@code scene}, once. */
    public void style(Scene scene) {
        String sheet = stylesheetUrl();
        if (!scene.getStylesheets().contains(sheet)) {
            scene.getStylesheets().add(sheet);
        }
    }

    /** Returns the URL of {@code inspector.css}, for a scene or a test. */
    public static String stylesheetUrl() {
        URL url = ThemeSwitcher.class.getResource(STYLESHEET);
        if (url == null) {
            throw new IllegalStateException(STYLESHEET + " is missing beside " + ThemeSwitcher.class.getName());
        }
        return url.toExternalForm();
    }

    private void apply(Theme chosen) {
        userAgentStylesheet.accept((chosen == null ? Theme.LIGHT : chosen).userAgentStylesheet());
    }
}
