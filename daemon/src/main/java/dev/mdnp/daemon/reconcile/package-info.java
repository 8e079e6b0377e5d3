/**
 * Background work that keeps mdnp's state in line with Docker's and the kernel's: the orphan collector, which frees
 * networks and endpoints Docker forgot without telling the plugin, and the firewall repair, which puts back rules
 * that went missing. Never runs inside a plugin API call.
 */
@NullMarked
package dev.mdnp.daemon.reconcile;

import org.jspecify.annotations.NullMarked;
