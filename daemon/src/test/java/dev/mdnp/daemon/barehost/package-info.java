/**
 * The README's two commands on a bare Debian host ({@code BareHostE2eTest}, tag {@code e2e}): a container of a
 * minimal Debian image, built with mmdebstrap on the private engine, without a JDK or Maven.
 *
 * <p>May depend on {@code daemon.testsupport}, JUnit, AssertJ and Awaitility.
 */
@NullMarked
package dev.mdnp.daemon.barehost;

import org.jspecify.annotations.NullMarked;
