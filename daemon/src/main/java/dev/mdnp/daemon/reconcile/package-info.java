/**
 * Background work that keeps mdnp's state in line with Docker's and the kernel's: the orphan collector, which frees
 * networks and endpoints Docker forgot without telling the plugin, and the firewall repair, which puts back rules
 * that went missing. Never runs inside a plugin API call.
 *
 * <p>May depend on: driver, ipam, dockerapi (what Docker still knows), the dataplane's firewall, {@code model.cnm}
 * and {@code model.ipam}. Nothing imports this package but the wiring.
 */
@NullMarked
package dev.mdnp.daemon.reconcile;

import org.jspecify.annotations.NullMarked;
