/**
 * Records for every IpamDriver request and response of Docker's remote IPAM protocol, with Docker's exact field
 * names ({@code cnm-remote-api.md} §3).
 *
 * <p>May depend on: Jackson annotations, {@code dev.mdnp.model.cnm} (its {@code JsonValues}, {@code OptionKeys}
 * and {@code EmptyResponse}, which both interfaces share).
 */
@NullMarked
package dev.mdnp.model.ipam;

import org.jspecify.annotations.NullMarked;
