package dev.mdnp.inspector.viewmodel;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The window's layout for a classroom: whether the current tab fills the whole window, and the text size as a factor
 * of the theme's, changed in steps between {@link #MIN_TEXT_SCALE} and {@link #MAX_TEXT_SCALE}.
 */
public final class MainWindowViewModel {

    /** The smallest text size. */
    public static final double MIN_TEXT_SCALE = 0.8;
    /** The largest text size: big enough for the back of a classroom. */
    public static final double MAX_TEXT_SCALE = 2.5;
    /** How much one Ctrl + or Ctrl − changes the text size. */
    public static final double TEXT_STEP = 0.1;

    private final BooleanProperty fullWindow = new SimpleBooleanProperty(this, "fullWindow");
    private final ReadOnlyDoubleWrapper textScale = new ReadOnlyDoubleWrapper(this, "textScale", 1);

    /** Returns whether the current tab fills the window, without bars, tab headers and status line. */
    public BooleanProperty fullWindowProperty() {
        return fullWindow;
    }

    /** Returns the text size as a factor of the theme's, 1 by default. */
    public ReadOnlyDoubleProperty textScaleProperty() {
        return textScale.getReadOnlyProperty();
    }

    /** Makes the text one step larger, up to the largest. */
    public void largerText() {
        setTextScale(textScale.get() + TEXT_STEP);
    }

    /** Makes the text one step smaller, down to the smallest. */
    public void smallerText() {
        setTextScale(textScale.get() - TEXT_STEP);
    }

    /** Puts the text back to the theme's size. */
    public void defaultText() {
        setTextScale(1);
    }

    /** Sets the text size to {@code scale}, kept between the smallest and the largest, rounded to a step. */
    public void setTextScale(double scale) {
        double rounded = Math.round(scale / TEXT_STEP) * TEXT_STEP;
        textScale.set(Math.max(MIN_TEXT_SCALE, Math.min(MAX_TEXT_SCALE, rounded)));
    }
}
