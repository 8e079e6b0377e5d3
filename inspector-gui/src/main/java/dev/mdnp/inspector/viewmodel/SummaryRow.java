package dev.mdnp.inspector.viewmodel;

import static java.util.Objects.requireNonNull;

/**
 * One line of a call's summary.
 *
 * @param key what the value is, such as {@code Method}
 * @param value the value as text
 */
public record SummaryRow(String key, String value) {

    /** Validates the components. */
    public SummaryRow {
        requireNonNull(key, "key");
        requireNonNull(value, "value");
    }
}
