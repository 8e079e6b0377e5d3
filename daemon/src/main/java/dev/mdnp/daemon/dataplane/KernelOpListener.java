package dev.mdnp.daemon.dataplane;

/**
 * Told about every kernel operation as it finishes. Must be fast and must not throw: it cannot fail the call.
 */
@FunctionalInterface
public interface KernelOpListener {

    /** A listener that ignores everything. */
    KernelOpListener NONE = op -> { };

    /** Receives one finished operation. */
    void finished(KernelOp op);
}
