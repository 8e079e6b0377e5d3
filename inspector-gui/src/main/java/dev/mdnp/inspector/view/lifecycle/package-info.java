/**
 * The timeline of one endpoint's lifecycle, from the address request to its release.
 */
@NullMarked
package dev.mdnp.inspector.view.lifecycle;

import org.jspecify.annotations.NullMarked;
