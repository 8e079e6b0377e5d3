/**
 * Small thread helpers shared by packages that own a thread of their own (the link monitor in netlink, the request
 * log writer in inspect).
 *
 * <p>May depend on: the JDK; never on another mdnp package.
 */
@NullMarked
package dev.mdnp.daemon.concurrent;

import org.jspecify.annotations.NullMarked;
