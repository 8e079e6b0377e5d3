package dev.mdnp.inspector.model;

import java.time.Duration;

/** How fast a replay plays a recorded session: a multiple of the recorded pace, or as fast as it can. */
public enum ReplaySpeed {
    /** A quarter of the recorded pace. */
    X0_25(0.25, "0.25×"),
    /** Half the recorded pace. */
    X0_5(0.5, "0.5×"),
    /** The recorded pace. */
    X1(1, "1×"),
    /** Twice the recorded pace. */
    X2(2, "2×"),
    /** Four times the recorded pace. */
    X4(4, "4×"),
    /** Eight times the recorded pace. */
    X8(8, "8×"),
    /** Sixteen times the recorded pace. */
    X16(16, "16×"),
    /** No waiting between calls at all. */
    MAX(Double.POSITIVE_INFINITY, "max");

    private final double factor;
    private final String label;

    ReplaySpeed(double factor, String label) {
        this.factor = factor;
        this.label = label;
    }

    /** Returns the text a speed chooser shows, such as {@code 2×} or {@code max}. */
    public String label() {
        return label;
    }

    /** Returns how long to wait at this speed for a gap that took {@code recorded} when it was recorded. */
    public Duration scale(Duration recorded) {
        if (factor == Double.POSITIVE_INFINITY) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.round(recorded.toNanos() / factor));
    }
}
