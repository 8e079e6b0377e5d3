/**
 * The serve configuration file ({@code /etc/mdnp/mdnp.conf}) and the environment as sources of option values:
 * {@code key = value} lines read with their line numbers, and a picocli default-value provider that answers each
 * option from {@code MDNP_<NAME>} or the file, so that the options are declared once, on the command.
 *
 * <p>May depend on: picocli and the JDK; no other mdnp package.
 */
@NullMarked
package dev.mdnp.daemon.config;

import org.jspecify.annotations.NullMarked;
