/**
 * Starting the inspector: the {@code Launcher} main, command-line options, wiring of feed, store, view models and
 * views, and the preferences kept between runs.
 */
@NullMarked
package dev.mdnp.inspector.app;

import org.jspecify.annotations.NullMarked;
