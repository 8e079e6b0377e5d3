/**
 * The topology tab: each network drawn as its bridge with its veths and the containers' interfaces.
 *
 * <p>May depend on: {@code viewmodel}, {@code model}, JavaFX.
 */
@NullMarked
package dev.mdnp.inspector.view.topology;

import org.jspecify.annotations.NullMarked;
