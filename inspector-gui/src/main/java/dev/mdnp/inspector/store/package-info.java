/**
 * The inspector's observable state, changed on the FX thread in batches drained from the feed's queue.
 *
 * <p>May depend on: {@code client}, {@code model}, {@code javafx.beans}, {@code javafx.collections},
 * {@code javafx.animation}. Never the scene graph.
 */
@NullMarked
package dev.mdnp.inspector.store;

import org.jspecify.annotations.NullMarked;
