/**
 * Serves Undertow's {@code HttpHandler} pipeline on a UNIX-domain socket by adapting the JDK's UNIX channels to
 * XNIO: an own selector-loop I/O thread, a conduit with the semantics of XNIO's NIO socket conduit, and a server that
 * creates the socket file safely and hands each accepted connection to Undertow's {@code HttpOpenListener}.
 *
 * <p>May depend on: Undertow, XNIO, the JDK (including {@code jdk.net}) and SLF4J; never on another mdnp package.
 */
@NullMarked
package dev.mdnp.daemon.transport;

import org.jspecify.annotations.NullMarked;
