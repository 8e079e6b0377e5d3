/**
 * The client side of the {@code mdnp} command line: the commands that ask a running daemon through its inspect
 * socket ({@code status}, {@code networks}, {@code endpoints}, {@code containers}, {@code links}, {@code pools},
 * {@code log}), with the formatting they share; {@code mdnp doctor}, which checks the host, is in {@code cli.doctor}.
 *
 * <p>May depend on: picocli, {@code model.client}, {@code model.inspect}, {@code model.json}, Jackson, and, for the
 * doctor's ping only, {@code dockerapi}. Never on the daemon's services (driver, ipam, dataplane, netlink, store, api,
 * transport, inspect, persistence, reconcile) nor on the root package; only {@code Main} depends on it.
 */
@NullMarked
package dev.mdnp.daemon.cli;

import org.jspecify.annotations.NullMarked;
