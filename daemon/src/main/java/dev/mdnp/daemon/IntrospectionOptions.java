package dev.mdnp.daemon;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code mdnp serve} was asked to do with the introspection channel.
 *
 * @param socket the inspect socket
 * @param group the group that may read it, {@code ""} for root only
 * @param history how many plugin calls the request log keeps; 0 turns the request log off
 * @param recordFile the NDJSON file every call is appended to, if any
 */
record IntrospectionOptions(Path socket, String group, int history, Optional<Path> recordFile) {

    IntrospectionOptions {
        requireNonNull(socket, "socket");
        requireNonNull(group, "group");
        requireNonNull(recordFile, "recordFile");
        if (history < 0) {
            throw new IllegalArgumentException("--history must not be negative, got " + history);
        }
    }

    /** Returns whether plugin calls are recorded into the request log and the event stream. */
    boolean recording() {
        return history > 0;
    }
}
