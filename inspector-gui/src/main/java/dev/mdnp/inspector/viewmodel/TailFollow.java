package dev.mdnp.inspector.viewmodel;

import static java.util.Objects.requireNonNull;

import dev.mdnp.model.inspect.RequestRecord;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Whether the request table keeps its newest call in view: it follows from the start, pauses while the user looks
 * further up, and counts the calls that arrived meanwhile. Only scrolling: the calls keep arriving (unlike the
 * store's pause, which holds them back). Used on the FX thread only.
 */
public final class TailFollow {

    private final ReadOnlyBooleanWrapper following = new ReadOnlyBooleanWrapper(this, "following", true);
    private final ReadOnlyIntegerWrapper unseen = new ReadOnlyIntegerWrapper(this, "unseen");
    private final StringBinding pausedText = Bindings.createStringBinding(
            () -> String.format(Locale.ROOT, "following paused — %,d new ↓", unseen.get()), unseen);

    /** Follows {@code shown}, the calls the table shows. */
    public TailFollow(ObservableList<RequestRecord> shown) {
        requireNonNull(shown, "shown").addListener((ListChangeListener<RequestRecord>) this::count);
    }

    /** Returns whether the table scrolls each new call into view; true at first. */
    public ReadOnlyBooleanProperty followingProperty() {
        return following.getReadOnlyProperty();
    }

    /** Returns how many calls arrived since following paused; 0 while following. */
    public ReadOnlyIntegerProperty unseenProperty() {
        return unseen.getReadOnlyProperty();
    }

    /** Returns the text that says following is paused and how many calls came since, such as {@code … — 3 new ↓}. */
    public StringBinding pausedTextProperty() {
        return pausedText;
    }

    /** Stops following: the user moved away from the newest call. */
    public void pause() {
        following.set(false);
    }

    /** Follows again; the unseen calls count as seen. */
    public void resume() {
        unseen.set(0);
        following.set(true);
    }

    private void count(ListChangeListener.Change<? extends RequestRecord> change) {
        if (following.get()) {
            return;
        }
        int added = 0;
        while (change.next()) {
            added += change.getAddedSize();
        }
        unseen.set(unseen.get() + added);
    }
}
