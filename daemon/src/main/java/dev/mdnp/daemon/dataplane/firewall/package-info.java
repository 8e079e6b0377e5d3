/**
 * The firewall component: mdnp's own iptables/ip6tables chains, the jumps into them, and the rules of each network
 * (forwarding, egress NAT, {@code --internal}, isolation, ICC) and of each endpoint's published ports. The only
 * package allowed to start processes ({@code ProcessBuilder}).
 *
 * <p>May depend on: the JDK, SLF4J and {@code daemon.ip} (reading numeric addresses); never on another mdnp package.
 */
@NullMarked
package dev.mdnp.daemon.dataplane.firewall;

import org.jspecify.annotations.NullMarked;
