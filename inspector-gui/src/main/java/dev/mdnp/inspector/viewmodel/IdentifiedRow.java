package dev.mdnp.inspector.viewmodel;

import dev.mdnp.inspector.model.ShortIds;

/** A row of an object Docker names by its id: a network or an endpoint. */
public sealed interface IdentifiedRow extends ObjectRow permits NetworkRow, EndpointRow {

    /** Returns Docker's id of the row's object. */
    String id();

    /** Returns the id, which identifies the object across readings. */
    @Override
    default String key() {
        return id();
    }

    /** Returns the id cut to 12 characters. */
    default String shortId() {
        return ShortIds.of(id());
    }
}
