/**
 * The plugin API: routes for {@code /Plugin.*}, {@code /NetworkDriver.*} and {@code /IpamDriver.*}, JSON in and out,
 * error mapping, the per-call log line and the per-call {@code RequestRecord} handed to a {@code RequestSink}.
 *
 * <p>May depend on Undertow's handler API, {@code dev.mdnp.model}, and the entry points of {@code daemon.driver}
 * and {@code daemon.ipam}; never on the dataplane, netlink or the store.
 */
@NullMarked
package dev.mdnp.daemon.api;

import org.jspecify.annotations.NullMarked;
