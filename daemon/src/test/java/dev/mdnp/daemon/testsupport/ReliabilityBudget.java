package dev.mdnp.daemon.testsupport;

import java.util.Locale;
import java.util.Random;

/**
 * How much the reliability tests (tag {@code reliability}) do in one run: CI's bounded budget, the default, or a full
 * run with {@code -Dmdnp.reliability=full} ({@code scripts/reliability --full}). A test asks for its counts through
 * {@link #count}, each also settable on its own ({@code -Dmdnp.chaos.kills=7}), and for its seed through
 * {@link #seed}, which prints it so that a failed run can be repeated.
 */
public final class ReliabilityBudget {

    /** The system property that picks the budget: {@code ci} (default) or {@code full}. */
    public static final String PROPERTY = "mdnp.reliability";

    private ReliabilityBudget() {
    }

    /** Returns true for a full run; fails on a value that is neither {@code ci} nor {@code full}. */
    public static boolean full() {
        String value = System.getProperty(PROPERTY, "ci").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "ci" -> false;
            case "full" -> true;
            default -> throw new IllegalArgumentException("-D" + PROPERTY + "=" + value + ": use ci or full");
        };
    }

    /** Returns the integer system property {@code property} when set, else {@code ci} or {@code full} by budget. */
    public static int count(String property, int ci, int full) {
        return Integer.getInteger(property, full() ? full : ci);
    }

    /**
     * Returns the long system property {@code property} when set, else a new random seed; prints it with
     * {@code what} either way, with the property that repeats it.
     */
    public static long seed(String property, String what) {
        Long given = Long.getLong(property);
        long seed = given != null ? given : new Random().nextLong();
        System.out.printf("%s: seed %d (%s; repeat with -D%s=%d), budget %s%n", what, seed,
                given != null ? "given" : "random", property, seed, full() ? "full" : "ci");
        return seed;
    }
}
