/**
 * The request log's filter field: parsing, validity and history on top of the filter language of
 * {@code dev.mdnp.model.inspect.RequestFilter}.
 *
 * <p>May depend on: {@code model}, {@code dev.mdnp.model}. Never JavaFX.
 */
@NullMarked
package dev.mdnp.inspector.filter;

import org.jspecify.annotations.NullMarked;
