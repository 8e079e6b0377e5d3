/**
 * The network driver: networks, endpoints and joins keyed by Docker's ids; validates, plans and keeps state.
 *
 * <p>May depend on {@code dev.mdnp.model.cnm}, {@code daemon.dataplane} and the values of
 * {@code daemon.dataplane.firewall}; never on HTTP, Jackson databind or netlink. It does not use the store: every
 * change goes through its {@link dev.mdnp.daemon.driver.DriverJournal}, a synchronous commit hook that
 * {@code daemon.persistence} implements on top of the store.
 */
@NullMarked
package dev.mdnp.daemon.driver;

import org.jspecify.annotations.NullMarked;
