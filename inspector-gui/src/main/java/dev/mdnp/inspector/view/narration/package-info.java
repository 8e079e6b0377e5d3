/**
 * The narration line: the newest line of a narration file, such as the step {@code scripts/demo} is at.
 *
 * <p>May depend on: {@code viewmodel}, JavaFX.
 */
@NullMarked
package dev.mdnp.inspector.view.narration;

import org.jspecify.annotations.NullMarked;
