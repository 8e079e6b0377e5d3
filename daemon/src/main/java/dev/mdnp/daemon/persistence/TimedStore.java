package dev.mdnp.daemon.persistence;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.store.Store;

/** The store as the journals use it: one transaction per change, its duration told to a {@link CommitListener}. */
final class TimedStore {

    private final Store store;
    private final CommitListener listener;

    TimedStore(Store store, CommitListener listener) {
        this.store = requireNonNull(store, "store");
        this.listener = requireNonNull(listener, "listener");
    }

    /** Runs {@code action} in one transaction and reports how long it took, also when it failed. */
    void commit(Store.Action action) {
        long start = System.nanoTime();
        try {
            store.runInTransaction(action);
        } finally {
            listener.committed(System.nanoTime() - start);
        }
    }
}
