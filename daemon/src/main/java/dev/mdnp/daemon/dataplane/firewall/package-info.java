/**
 * The firewall component: mdnp's own iptables/ip6tables chain, the jump to it from {@code FORWARD}, and the rules that
 * let each network's forwarded traffic through a host whose {@code FORWARD} policy is {@code DROP}. The only package
 * allowed to start processes ({@code ProcessBuilder}).
 *
 * <p>May depend on: the JDK and SLF4J; never on another mdnp package.
 */
@NullMarked
package dev.mdnp.daemon.dataplane.firewall;

import org.jspecify.annotations.NullMarked;
