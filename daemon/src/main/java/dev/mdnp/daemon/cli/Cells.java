package dev.mdnp.daemon.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** The words the commands print in table cells and checklists: short ids, ages, byte counts, a dash for nothing. */
public final class Cells {

    private static final int SHORT_ID = 12;

    private Cells() {
    }

    /** Returns the first 12 characters of an id, as Docker shows ids; {@code -} for none. */
    public static String shortId(String id) {
        if (id.isEmpty()) {
            return "-";
        }
        return id.length() <= SHORT_ID ? id : id.substring(0, SHORT_ID);
    }

    /** Returns {@code text}, or {@code -} when it is empty, so that every table cell holds a word. */
    public static String orDash(String text) {
        return text.isEmpty() ? "-" : text;
    }

    /** Returns how long ago {@code then} was, as {@code 45s ago}, {@code 3m ago}, {@code 2h ago} or {@code 4d ago}. */
    public static String ago(Instant then, Instant now) {
        return age(Duration.between(then, now)) + " ago";
    }

    /** Returns a byte count in binary units with one decimal: {@code 512B}, {@code 1.5KiB}, {@code 3.0MiB}. */
    public static String bytes(long count) {
        if (count < 1024) {
            return count + "B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = count;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f%s", value, units[unit]);
    }

    /** Returns a duration in its largest whole unit: {@code 45s}, {@code 3m}, {@code 2h} or {@code 4d}. */
    private static String age(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3_600) {
            return seconds / 60 + "m";
        }
        if (seconds < 86_400) {
            return seconds / 3_600 + "h";
        }
        return seconds / 86_400 + "d";
    }
}
