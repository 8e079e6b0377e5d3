/**
 * What a network means in the kernel: a bridge per network with its gateway addresses and firewall rules, a veth pair
 * per endpoint; each change a small reversible {@link dev.mdnp.daemon.dataplane.Step}, run by a
 * {@link dev.mdnp.daemon.dataplane.StepRunner} that undoes what it applied when a later step fails.
 *
 * <p>May depend on {@code daemon.netlink} (with its {@code .wire} and {@code .sys}), {@code daemon.dataplane.firewall}
 * and {@code daemon.ip}; never on the model, the store or the API.
 */
@NullMarked
package dev.mdnp.daemon.dataplane;

import org.jspecify.annotations.NullMarked;
