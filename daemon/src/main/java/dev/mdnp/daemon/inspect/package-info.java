/**
 * The introspection channel: a read-only HTTP server on its own UNIX socket that shows mdnp's networks, endpoints,
 * links, pools and recorded calls as JSON, streams events (Server-Sent Events) and serves Prometheus metrics; plus
 * the request history the api records into and the optional NDJSON request log. It never changes driver, ipam or
 * kernel state.
 *
 * <p>May depend on: transport, {@code model.cnm}, {@code model.inspect}, {@code model.json}, read-only views of
 * driver, ipam, dataplane (and its firewall) and netlink, the api's {@code RequestSink}, {@code concurrent},
 * Undertow, Jackson and Micrometer. Nothing imports this package but the wiring.
 */
@NullMarked
package dev.mdnp.daemon.inspect;

import org.jspecify.annotations.NullMarked;
