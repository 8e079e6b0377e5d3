package dev.mdnp.inspector.client;

import dev.mdnp.model.inspect.RequestRecord;
import java.util.List;

/**
 * Where a {@link ReplayControl} shows the calls it reached: the feed, which reports them to the inspector. Called on
 * the replay's thread, one call at a time, with the control's lock held.
 */
interface ReplayTarget {

    /** Shows {@code calls}, which follow those shown so far, in order. */
    void advance(List<RequestRecord> calls);

    /** Forgets every call shown so far and shows {@code calls}, the first ones of the session, instead. */
    void restart(List<RequestRecord> calls);
}
