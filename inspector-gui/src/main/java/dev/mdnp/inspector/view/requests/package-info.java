/**
 * The request log's views: the calls table with its timing bars and context menu, and the toolbar with the filter
 * field, quick filters, pause and clear.
 */
@NullMarked
package dev.mdnp.inspector.view.requests;

import org.jspecify.annotations.NullMarked;
