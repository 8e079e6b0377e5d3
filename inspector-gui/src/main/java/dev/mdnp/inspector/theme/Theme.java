package dev.mdnp.inspector.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;

/** The inspector's looks: AtlantaFX's Primer, light or dark. */
public enum Theme {
    /** Primer Light, the default. */
    LIGHT,
    /** Primer Dark. */
    DARK;

    /** Returns the theme named {@code name} (any case), or {@link #LIGHT} for an unknown or empty name. */
    public static Theme named(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return LIGHT; // a preferences file from another version, or edited by hand
        }
    }

    /** Returns the other theme. */
    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    /** Returns the URL of AtlantaFX's user-agent style sheet for this theme. */
    public String userAgentStylesheet() {
        return this == LIGHT ? new PrimerLight().getUserAgentStylesheet() : new PrimerDark().getUserAgentStylesheet();
    }
}
