/**
 * The network driver: networks, endpoints and joins keyed by Docker's ids; validates, plans and keeps state.
 *
 * <p>May depend on {@code dev.mdnp.model.cnm}, {@code daemon.dataplane} (and its firewall) and {@code daemon.store};
 * never on HTTP or Jackson databind.
 */
@NullMarked
package dev.mdnp.daemon.driver;

import org.jspecify.annotations.NullMarked;
