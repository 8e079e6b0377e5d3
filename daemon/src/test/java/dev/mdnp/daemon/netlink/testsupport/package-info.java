/**
 * Fixtures for the netlink layer's kernel tests: a private network namespace with a handle open in it.
 *
 * <p>May depend on {@code daemon.netlink} and its subpackages, {@code daemon.testsupport}, JUnit and AssertJ.
 */
@NullMarked
package dev.mdnp.daemon.netlink.testsupport;

import org.jspecify.annotations.NullMarked;
