/**
 * Connects the driver and the IPAM to the store: journals that commit every change before Docker's reply, and the
 * loader that gives a restarted daemon its state back. The only package that knows both the store's rows and the
 * driver's and IPAM's records.
 *
 * <p>May depend on: driver and ipam (their records and journals), store, the dataplane's published ports and the
 * firewall's protocols, {@code model.cnm} and Jackson databind. Nothing imports this package but the wiring.
 */
@NullMarked
package dev.mdnp.daemon.persistence;

import org.jspecify.annotations.NullMarked;
