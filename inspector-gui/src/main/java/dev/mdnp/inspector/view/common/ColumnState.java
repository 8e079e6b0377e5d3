package dev.mdnp.inspector.view.common;

import static java.util.Objects.requireNonNull;

/**
 * One table column as the user left it, kept between runs; a table's columns are a list of these, in display order.
 *
 * @param name the column's id, or its header text when it has no id
 * @param width its width in pixels
 * @param visible whether it is shown
 */
public record ColumnState(String name, double width, boolean visible) {

    /** Validates the components. */
    public ColumnState {
        requireNonNull(name, "name");
    }
}
