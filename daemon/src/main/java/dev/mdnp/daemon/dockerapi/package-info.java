/**
 * A small client of the Docker Engine API over Docker's UNIX socket: {@link dev.mdnp.daemon.dockerapi.DockerEngine}
 * lists the networks of one driver and the endpoints Docker still holds on them, for a background reconciler, and
 * answers {@code mdnp doctor}'s ping. It is never called from a plugin HTTP handler: dockerd waits for the plugin
 * while it handles a CNM call, so a handler that called back into dockerd could deadlock it.
 *
 * <p>May depend on the Jetty HTTP client, Jackson databind, the JDK, SLF4J and shared-model's {@code UnixHttp}; never
 * on another mdnp package.
 */
@NullMarked
package dev.mdnp.daemon.dockerapi;

import org.jspecify.annotations.NullMarked;
