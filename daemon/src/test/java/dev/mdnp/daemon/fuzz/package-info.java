/**
 * The plugin API's fuzzer ({@code PluginApiFuzzKernelTest}, tags {@code kernel} and {@code fuzz}): mdnp's real
 * transport, api, drivers, store and dataplane in a private network namespace, called with generated and mutated
 * bodies, and the invariants checked after every case; and the plain tests of what it found.
 *
 * <p>May depend on every daemon package (it wires the daemon as {@code Wiring} does), the netlink and dataplane test
 * fixtures, {@code daemon.testsupport}, jqwik, JUnit, AssertJ and Awaitility.
 */
@NullMarked
package dev.mdnp.daemon.fuzz;

import org.jspecify.annotations.NullMarked;
