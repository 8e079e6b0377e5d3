/**
 * The inspector's own data on top of the daemon's records: snapshots of the daemon's objects, call families, the
 * topology picture and endpoint lifecycles.
 *
 * <p>May depend on: {@code dev.mdnp.model}. Never JavaFX.
 */
@NullMarked
package dev.mdnp.inspector.model;

import org.jspecify.annotations.NullMarked;
