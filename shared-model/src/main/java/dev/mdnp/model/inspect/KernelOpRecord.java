package dev.mdnp.model.inspect;

import static java.util.Objects.requireNonNull;

/**
 * One kernel operation a plugin call performed, as the request log shows it.
 *
 * @param operation what was done, such as {@code create bridge} or {@code add forward rules}
 * @param target the object changed, such as a link name
 * @param durationMicros how long it took, in microseconds
 * @param error {@code ""} when it succeeded, else the kernel's or the tool's error text
 */
public record KernelOpRecord(String operation, String target, long durationMicros, String error) {

    /** Validates the components. */
    public KernelOpRecord {
        requireNonNull(operation, "operation");
        requireNonNull(target, "target");
        requireNonNull(error, "error");
    }

    /** Returns whether the operation succeeded. */
    public boolean ok() {
        return error.isEmpty();
    }
}
