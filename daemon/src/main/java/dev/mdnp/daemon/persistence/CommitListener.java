package dev.mdnp.daemon.persistence;

/**
 * Told how long each journal commit took, on the thread that committed it: the request log's store phase. Must be
 * quick and must not throw.
 */
@FunctionalInterface
public interface CommitListener {

    /** A listener that ignores every commit. */
    CommitListener NONE = nanos -> { };

    /** One transaction of a journal committed (or failed) after {@code nanos} nanoseconds. */
    void committed(long nanos);
}
