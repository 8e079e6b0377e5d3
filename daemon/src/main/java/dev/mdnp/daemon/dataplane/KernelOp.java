package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * One kernel operation a call performed, for the request log.
 *
 * @param operation what was done, such as {@code create veth} or {@code undo create veth}
 * @param target the object, such as a link name
 * @param took how long it took
 * @param error the failure, or "" when it succeeded
 */
public record KernelOp(String operation, String target, Duration took, String error) {

    /** Validates the components. */
    public KernelOp {
        requireNonNull(operation, "operation");
        requireNonNull(target, "target");
        requireNonNull(took, "took");
        requireNonNull(error, "error");
    }

    /** Returns true when the operation succeeded. */
    public boolean succeeded() {
        return error.isEmpty();
    }
}
