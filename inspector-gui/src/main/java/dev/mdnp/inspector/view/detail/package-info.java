/**
 * The detail pane of the selected call: summary, request and response JSON, timing, kernel operations, related
 * objects and "copy as curl".
 */
@NullMarked
package dev.mdnp.inspector.view.detail;

import org.jspecify.annotations.NullMarked;
