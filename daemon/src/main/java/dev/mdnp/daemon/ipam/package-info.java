/**
 * The built-in IPAM driver: address spaces, pools, the address allocator, default pools and the journal (the
 * synchronous commit hook) that makes changes durable.
 *
 * <p>Entry point {@link dev.mdnp.daemon.ipam.IpamDriver}; values {@link dev.mdnp.daemon.ipam.Cidr},
 * {@link dev.mdnp.daemon.ipam.IpAddress}; configuration {@link dev.mdnp.daemon.ipam.DefaultPools}; durability
 * {@link dev.mdnp.daemon.ipam.IpamJournal} with {@link dev.mdnp.daemon.ipam.IpamSnapshot}.
 *
 * <p>May depend on {@code dev.mdnp.model.ipam}, {@code OptionKeys} and {@code daemon.ip}; never on HTTP, the
 * dataplane, netlink or the network driver. It does not use the store: every change goes through its
 * {@link dev.mdnp.daemon.ipam.IpamJournal}, a synchronous commit hook that {@code daemon.persistence} implements on
 * top of the store.
 */
@NullMarked
package dev.mdnp.daemon.ipam;

import org.jspecify.annotations.NullMarked;
