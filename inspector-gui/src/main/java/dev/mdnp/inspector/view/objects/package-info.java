/**
 * The object tabs: tables of the daemon's networks, endpoints and kernel links, with drift rows marked.
 *
 * <p>May depend on: {@code viewmodel}, {@code model}, JavaFX, AtlantaFX.
 */
@NullMarked
package dev.mdnp.inspector.view.objects;

import org.jspecify.annotations.NullMarked;
