/**
 * The replay bar: play, pause, step back and forth, seek and speed of a recorded session, and how far it got.
 *
 * <p>May depend on: {@code viewmodel}, {@code model}, JavaFX, AtlantaFX.
 */
@NullMarked
package dev.mdnp.inspector.view.replay;

import org.jspecify.annotations.NullMarked;
