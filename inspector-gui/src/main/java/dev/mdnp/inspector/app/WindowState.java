package dev.mdnp.inspector.app;

/**
 * Where the main window was and how big, kept between runs.
 *
 * @param x its left edge on the screen
 * @param y its top edge on the screen
 * @param width its width, at least {@link #MIN_WIDTH}
 * @param height its height, at least {@link #MIN_HEIGHT}
 * @param maximized whether it was maximised (then the other components are its size before)
 */
public record WindowState(double x, double y, double width, double height, boolean maximized) {

    /** The smallest width kept; a smaller one (or one missing from the file) becomes this. */
    public static final double MIN_WIDTH = 640;
    /** The smallest height kept; a smaller one (or one missing from the file) becomes this. */
    public static final double MIN_HEIGHT = 400;

    /** Raises a width or height below the minimum (or not a number) to it. */
    public WindowState {
        width = Double.isFinite(width) ? Math.max(width, MIN_WIDTH) : MIN_WIDTH;
        height = Double.isFinite(height) ? Math.max(height, MIN_HEIGHT) : MIN_HEIGHT;
    }
}
