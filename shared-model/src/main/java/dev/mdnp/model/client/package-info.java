/**
 * The client of mdnp's introspection channel: typed HTTP calls and the Server-Sent Events stream over the inspect
 * UNIX socket, used by the CLI and the inspector GUI; and {@code UnixHttp}, the HTTP-over-a-UNIX-socket client that
 * it and the daemon's Docker client are built on.
 *
 * <p>May depend on: {@code model.inspect}, {@code model.json}, the Jetty HTTP client. Never JavaFX.
 */
@NullMarked
package dev.mdnp.model.client;

import org.jspecify.annotations.NullMarked;
