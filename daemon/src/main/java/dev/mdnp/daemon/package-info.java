/**
 * The daemon's entry point: the {@code mdnp} command line and the wiring of every service.
 *
 * <p>May depend on every daemon package; nothing depends on it.
 */
@NullMarked
package dev.mdnp.daemon;

import org.jspecify.annotations.NullMarked;
