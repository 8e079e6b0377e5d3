/**
 * What each view shows and does, as properties and observable lists; unit-testable without a toolkit.
 *
 * <p>May depend on: {@code store}, {@code filter}, {@code export}, {@code model}, {@code client},
 * {@code javafx.beans}, {@code javafx.collections}. Never the scene graph.
 */
@NullMarked
package dev.mdnp.inspector.viewmodel;

import org.jspecify.annotations.NullMarked;
