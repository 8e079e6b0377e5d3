/**
 * The views, built in code (no FXML), bound to their view models.
 */
@NullMarked
package dev.mdnp.inspector.view;

import org.jspecify.annotations.NullMarked;
