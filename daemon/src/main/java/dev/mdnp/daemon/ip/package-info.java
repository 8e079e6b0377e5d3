/**
 * The text form of numeric IP addresses, read without {@link java.net.InetAddress#getByName}, so that no text can
 * cause a DNS lookup: shared by the IPAM, the driver, the dataplane and the firewall.
 *
 * <p>May depend on: the JDK; never on another mdnp package.
 */
@NullMarked
package dev.mdnp.daemon.ip;

import org.jspecify.annotations.NullMarked;
