/**
 * Light and dark themes (AtlantaFX Primer) and the inspector's own style sheet.
 */
@NullMarked
package dev.mdnp.inspector.theme;

import org.jspecify.annotations.NullMarked;
