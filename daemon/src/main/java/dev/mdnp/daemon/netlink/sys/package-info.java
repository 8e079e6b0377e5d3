/**
 * The only code of mdnp's netlink layer that makes system calls: the jnr-ffi {@code LibC} binding, the
 * {@code NetlinkSocket} over it, the calling thread's network namespace ({@code Netns}), and work run inside the
 * namespace a file names ({@code NetnsFile}, for a container's sandbox).
 *
 * <p>May depend on jnr-ffi, {@code netlink.wire} (for the kernel's constants), the JDK and SLF4J; never on another
 * mdnp package.
 */
@NullMarked
package dev.mdnp.daemon.netlink.sys;

import org.jspecify.annotations.NullMarked;
