package dev.mdnp.inspector.view.requests;

import java.util.Map;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;

/** Puts text on the system clipboard, for the "copy" actions of the request views. FX thread only. */
public final class ClipboardText {

    private ClipboardText() {
    }

    /** Replaces the clipboard's content with {@code text}. */
    public static void put(String text) {
        Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, text));
    }
}
