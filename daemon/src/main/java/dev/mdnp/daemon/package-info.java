/**
 * The daemon's entry point: the {@code mdnp} command line, the {@code serve} command, its configuration and the
 * wiring of every service. The commands that ask a running daemon live in {@code cli}.
 *
 * <p>May depend on every daemon package; nothing depends on it.
 */
@NullMarked
package dev.mdnp.daemon;

import org.jspecify.annotations.NullMarked;
