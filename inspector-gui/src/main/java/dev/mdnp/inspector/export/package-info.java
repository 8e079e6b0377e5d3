/**
 * Turning calls into text others can use: pretty JSON, {@code curl --unix-socket} command lines, NDJSON session
 * files.
 *
 * <p>May depend on: {@code model}, {@code dev.mdnp.model}. Never the scene graph.
 */
@NullMarked
package dev.mdnp.inspector.export;

import org.jspecify.annotations.NullMarked;
