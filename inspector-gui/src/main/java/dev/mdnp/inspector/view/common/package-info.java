/**
 * Small pieces the views share, such as saving and restoring a table's columns.
 *
 * <p>May depend on: {@code viewmodel}, {@code model}, JavaFX, AtlantaFX.
 */
@NullMarked
package dev.mdnp.inspector.view.common;

import org.jspecify.annotations.NullMarked;
