/**
 * Background work that keeps mdnp's state in line with Docker's and the kernel's: the orphan collector, which frees
 * networks and endpoints Docker forgot without telling the plugin, and the firewall repair, which puts back rules
 * that went missing. Never runs inside a plugin API call.
 *
 * <p>May depend on {@code daemon.driver}, {@code daemon.ipam}, {@code daemon.dockerapi}, the firewall's report,
 * {@code model.cnm} and {@code model.ipam}; only the root package (the wiring) depends on it.
 */
@NullMarked
package dev.mdnp.daemon.reconcile;

import org.jspecify.annotations.NullMarked;
