/**
 * Socket activation: takes the plugin socket that systemd passed to the daemon, on fd 3 by the {@code LISTEN_FDS}
 * protocol of {@code sd_listen_fds(3)} or on standard input ({@code StandardInput=socket}), as a channel the
 * transport can serve. The only place besides {@code netlink.sys} that makes C library calls (jnr-ffi).
 *
 * <p>May depend on: {@code transport} (for {@code ListenSource}), jnr-ffi, the JDK and SLF4J.
 */
@NullMarked
package dev.mdnp.daemon.activation;

import org.jspecify.annotations.NullMarked;
