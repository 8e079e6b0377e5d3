package dev.mdnp.inspector.client;

import dev.mdnp.model.inspect.RequestRecord;
import java.util.List;

/**
 * A recorded session as read from its NDJSON file: the calls in file order and the lines that were not calls.
 *
 * @param calls the calls
 * @param malformed the lines skipped, in file order
 */
record Recording(List<RequestRecord> calls, List<MalformedLine> malformed) {

    /** A session with nothing in it, for a file that could not be read. */
    static final Recording EMPTY = new Recording(List.of(), List.of());

    /** Copies the lists. */
    Recording {
        calls = List.copyOf(calls);
        malformed = List.copyOf(malformed);
    }
}
