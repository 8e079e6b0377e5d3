/**
 * The built-in IPAM driver: address spaces, pools and the address allocator.
 *
 * <p>May depend on {@code dev.mdnp.model.ipam}, {@code OptionKeys} and {@code daemon.store}; never on HTTP, the
 * dataplane, netlink or the network driver.
 */
@NullMarked
package dev.mdnp.daemon.ipam;

import org.jspecify.annotations.NullMarked;
