/**
 * The replay bar: play, pause, step and speed of a recorded session, and how far it got.
 *
 * <p>May depend on: {@code viewmodel}, {@code model}, JavaFX, AtlantaFX.
 */
@NullMarked
package dev.mdnp.inspector.view.replay;

import org.jspecify.annotations.NullMarked;
