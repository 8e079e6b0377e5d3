/**
 * The client of mdnp's introspection channel: typed HTTP calls and the Server-Sent Events stream over the inspect
 * UNIX socket, used by the CLI and the inspector GUI.
 *
 * <p>May depend on: {@code model.inspect}, {@code model.json}, the Jetty HTTP client. Never JavaFX.
 */
@NullMarked
package dev.mdnp.model.client;

import org.jspecify.annotations.NullMarked;
