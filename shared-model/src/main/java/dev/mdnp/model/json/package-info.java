/**
 * Builds the Jackson {@code ObjectMapper} configuration shared by every reader and writer of the wire records
 * ({@code cnm-remote-api.md} §0, §1.3).
 *
 * <p>May depend on: Jackson; {@code dev.mdnp.model.inspect}, for the request records it writes without reflection.
 */
@NullMarked
package dev.mdnp.model.json;

import org.jspecify.annotations.NullMarked;
