/**
 * The built-in IPAM driver: address spaces, pools, the address allocator, default pools and the journal hook that
 * makes changes durable.
 *
 * <p>Entry point {@link dev.mdnp.daemon.ipam.IpamDriver}; values {@link dev.mdnp.daemon.ipam.Cidr},
 * {@link dev.mdnp.daemon.ipam.IpAddress}; configuration {@link dev.mdnp.daemon.ipam.DefaultPools}; durability
 * {@link dev.mdnp.daemon.ipam.IpamJournal} with {@link dev.mdnp.daemon.ipam.IpamSnapshot}.
 *
 * <p>May depend on {@code dev.mdnp.model.ipam}, {@code OptionKeys}, {@code daemon.store} and {@code daemon.ip};
 * never on HTTP, the dataplane, netlink or the network driver.
 */
@NullMarked
package dev.mdnp.daemon.ipam;

import org.jspecify.annotations.NullMarked;
