package dev.mdnp.inspector.viewmodel;

import static java.util.Objects.requireNonNull;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the narration line shows: the last line of a narration file (such as the demo's {@code step 4/9: docker run
 * …}, then {@code demo finished …}), and whether there is one yet. Changed on the FX thread only.
 */
public final class NarrationViewModel {

    private final String file;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper();

    /** Creates the view model of the narration read from {@code file}, named in the tooltip. */
    public NarrationViewModel(String file) {
        this.file = requireNonNull(file, "file");
    }

    /** Shows {@code line}, the narration's newest; call on the FX thread. */
    public void show(String line) {
        text.set(requireNonNull(line, "line"));
        shown.set(!line.isEmpty());
    }

    /** Returns the narration's newest line; empty before the first. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** Returns whether there is a line to show. */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Returns the file the narration is read from. */
    public String file() {
        return file;
    }
}
