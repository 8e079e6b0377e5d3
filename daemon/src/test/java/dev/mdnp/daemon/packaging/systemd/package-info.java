/**
 * mdnp installed as a systemd service: {@code scripts/install} and {@code scripts/uninstall} on staged trees, and the
 * units under a real systemd as PID 1 in a container on the private engine ({@code SystemdRig}).
 *
 * <p>May depend on {@code daemon.testsupport}, JUnit, AssertJ and Awaitility; it runs the scripts and the installed
 * daemon as processes and uses no daemon class.
 */
@NullMarked
package dev.mdnp.daemon.packaging.systemd;

import org.jspecify.annotations.NullMarked;
