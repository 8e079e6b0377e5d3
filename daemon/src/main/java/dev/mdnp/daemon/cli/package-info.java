/**
 * The client side of the {@code mdnp} command line: the commands that ask a running daemon through its inspect
 * socket ({@code status}, {@code networks}, {@code endpoints}, {@code links}, {@code pools}, {@code log}) and
 * {@code mdnp doctor}, which checks the host; with the formatting they share.
 *
 * <p>May depend on: picocli, {@code model.client}, {@code model.inspect}, {@code model.json}, {@code dockerapi} (the
 * doctor's ping). Never on the daemon's services (driver, ipam, dataplane, netlink, store, api, transport, inspect);
 * only {@code Main} depends on it.
 */
@NullMarked
package dev.mdnp.daemon.cli;

import org.jspecify.annotations.NullMarked;
