/**
 * Connects the driver and the IPAM to the store: journals that commit every change before Docker's reply, and the
 * loader that gives a restarted daemon its state back. The only package that knows both the store's rows and the
 * driver's and IPAM's records.
 *
 * <p>A network or an endpoint is stored as Docker's CreateNetwork or CreateEndpoint request, in the protocol's JSON
 * ({@code cnm-remote-api.md} §2.2, §2.4), not as a record of mdnp's own: that wire format is versioned by Docker and
 * written down, a restart rebuilds exactly what Docker asked for, and option keys a newer engine adds survive. The
 * reader is as tolerant as the API: unknown fields are read past, absent ones take their empty value. The columns
 * around the JSON are versioned by the store's migrations; {@code ReleasedStateTest} loads a file the current release
 * wrote and one of the first schema.
 *
 * <p>May depend on {@code daemon.driver}, {@code daemon.ipam}, {@code daemon.store}, the published-port values of
 * {@code daemon.dataplane} and {@code daemon.dataplane.firewall}, {@code model.cnm} and Jackson; only the root package
 * (the wiring) depends on it.
 */
@NullMarked
package dev.mdnp.daemon.persistence;

import org.jspecify.annotations.NullMarked;
