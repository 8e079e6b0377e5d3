/**
 * Rtnetlink for mdnp: one {@link dev.mdnp.daemon.netlink.RtNetlink} handle per socket and network namespace, the
 * operations on links, addresses and routes it hands out ({@code LinkOps}, {@code AddressOps}, {@code RouteOps}), a
 * {@code LinkMonitor} for link events, and the values they speak ({@code Link}, {@code Address}, {@code Route},
 * {@code LinkEvent}). Every failure the kernel reports is a {@link dev.mdnp.daemon.netlink.NetlinkException}.
 *
 * <p>May depend on its subpackages {@code .wire} (message encoding) and {@code .sys} (the socket), the JDK, SLF4J and
 * {@code concurrent} (thread helpers); never on another mdnp package.
 */
@NullMarked
package dev.mdnp.daemon.netlink;

import org.jspecify.annotations.NullMarked;
