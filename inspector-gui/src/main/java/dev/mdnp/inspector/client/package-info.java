/**
 * Where the inspector's data comes from: a live daemon's inspect socket or a recorded NDJSON session, reported as
 * {@code FeedUpdate}s from the feed's own thread.
 *
 * <p>May depend on: {@code model}, {@code dev.mdnp.model}. Never JavaFX.
 */
@NullMarked
package dev.mdnp.inspector.client;

import org.jspecify.annotations.NullMarked;
