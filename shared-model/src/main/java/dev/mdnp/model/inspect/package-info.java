/**
 * Records of the introspection channel: what the daemon's inspect socket serves as JSON ({@code /v1/...}) and streams
 * as Server-Sent Events, and what the CLI and the inspector read. Field names are camelCase, as Jackson writes
 * record components.
 *
 * <p>May depend on: Jackson annotations.
 */
@NullMarked
package dev.mdnp.model.inspect;

import org.jspecify.annotations.NullMarked;
