/**
 * Connects the driver and the IPAM to the store: journals that commit every change before Docker's reply, and the
 * loader that gives a restarted daemon its state back. The only package that knows both the store's rows and the
 * driver's and IPAM's records.
 *
 * <p>May depend on {@code daemon.driver}, {@code daemon.ipam}, {@code daemon.store}, the published-port values of
 * {@code daemon.dataplane} and {@code daemon.dataplane.firewall}, {@code model.cnm} and Jackson; only the root package
 * (the wiring) depends on it.
 */
@NullMarked
package dev.mdnp.daemon.persistence;

import org.jspecify.annotations.NullMarked;
