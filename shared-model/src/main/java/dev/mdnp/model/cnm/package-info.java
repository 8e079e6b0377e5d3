/**
 * Records for every NetworkDriver request and response of Docker's remote network-driver protocol, with Docker's
 * exact field names, plus the option keys of {@code cnm-remote-api.md} §4.
 *
 * <p>May depend on: Jackson annotations.
 */
@NullMarked
package dev.mdnp.model.cnm;

import org.jspecify.annotations.NullMarked;
