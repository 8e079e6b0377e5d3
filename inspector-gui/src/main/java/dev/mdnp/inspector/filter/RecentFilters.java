package dev.mdnp.inspector.filter;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The filters used last, most recent first, without duplicates, at most {@code capacity} of them.
 *
 * @param entries the filter texts, most recent first
 * @param capacity how many are kept at most
 */
public record RecentFilters(List<String> entries, int capacity) {

    /** Validates the components and keeps the first {@code capacity} distinct, non-blank entries. */
    public RecentFilters {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        List<String> kept = new ArrayList<>();
        for (String entry : requireNonNull(entries, "entries")) {
            String text = entry.strip();
            if (!text.isEmpty() && !kept.contains(text) && kept.size() < capacity) {
                kept.add(text);
            }
        }
        entries = List.copyOf(kept);
    }

    /** Returns an empty history that keeps at most {@code capacity} filters. */
    public static RecentFilters empty(int capacity) {
        return new RecentFilters(List.of(), capacity);
    }

    /** Returns this history with {@code text} first (moved there if present); unchanged for blank text. */
    public RecentFilters with(String text) {
        List<String> next = new ArrayList<>(entries.size() + 1);
        next.add(text);
        next.addAll(entries);
        return new RecentFilters(next, capacity);
    }
}
