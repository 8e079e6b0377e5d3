package dev.mdnp.inspector.viewmodel;

import dev.mdnp.model.inspect.Drift;

/** A row of one of the object tables (networks, endpoints, links), which may show drift between state and kernel. */
public sealed interface ObjectRow permits IdentifiedRow, LinkRow {

    /** Returns what identifies the row's object across readings: its id, or a link's name. */
    String key();

    /** Returns whether state and kernel agree about the row's object. */
    Drift drift();

    /** Returns what the drift means, for a tooltip; {@code ""} when there is none. */
    String driftNote();

    /** Returns whether state and kernel disagree. */
    default boolean drifted() {
        return drift() != Drift.NONE;
    }
}
