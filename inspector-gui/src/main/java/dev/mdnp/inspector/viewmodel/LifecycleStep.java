package dev.mdnp.inspector.viewmodel;

import static java.util.Objects.requireNonNull;

import dev.mdnp.model.inspect.RequestRecord;

/**
 * One call in an endpoint's lifecycle.
 *
 * @param call the call
 * @param offsetMicros how long after the lifecycle's first call it started, in microseconds
 */
public record LifecycleStep(RequestRecord call, long offsetMicros) {

    /** Validates the components. */
    public LifecycleStep {
        requireNonNull(call, "call");
    }

    /** Returns the call's method. */
    public String method() {
        return call.method();
    }

    /** Returns the call's duration in microseconds. */
    public long durationMicros() {
        return call.durationMicros();
    }

    /** Returns whether the call succeeded. */
    public boolean ok() {
        return call.ok();
    }
}
