/**
 * Docker's names for mdnp's ids, learned in the background: {@link dev.mdnp.daemon.names.KnownNames} holds the
 * network names, container names and aliases known so far and serves them as a
 * {@link dev.mdnp.model.inspect.NameLookup}; {@link dev.mdnp.daemon.names.NameWatcher} keeps it current from the
 * engine's listing and event stream. Never asked inside a plugin API call: dockerd waits for the plugin while it
 * handles a CNM call, so a call back into dockerd could deadlock it.
 *
 * <p>May depend on {@code daemon.dockerapi}, {@code model.inspect}, {@code model.client}'s {@code Backoff}, the JDK
 * and SLF4J; only the root package (the wiring) depends on it.
 */
@NullMarked
package dev.mdnp.daemon.names;

import org.jspecify.annotations.NullMarked;
