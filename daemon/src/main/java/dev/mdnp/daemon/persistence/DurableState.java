package dev.mdnp.daemon.persistence;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.daemon.driver.DriverJournal;
import dev.mdnp.daemon.ipam.IpamJournal;
import dev.mdnp.daemon.store.Store;
import java.nio.file.Path;
import java.time.Clock;

/**
 * mdnp's durable state, opened once at start: the state recorded by the last run, and the journals through which the
 * driver and the IPAM record every change from now on. Owns the {@link Store}; {@link #close()} closes it.
 */
public final class DurableState implements AutoCloseable {

    private final Store store;
    private final TimedStore journalStore;
    private final RestoredState restored;
    private final RecordCodec codec;
    private final Clock clock;

    private DurableState(Store store, CommitListener commits, RestoredState restored, RecordCodec codec, Clock clock) {
        this.store = store;
        this.journalStore = new TimedStore(store, commits);
        this.restored = restored;
        this.codec = codec;
        this.clock = clock;
    }

    /**
     * Opens the store in {@code stateDir} and reads its state; {@code mapper} must be the one the API decodes
     * Docker's requests with; {@code commits} is told the duration of every journal commit.
     *
     * @throws dev.mdnp.daemon.store.StoreException when the store cannot be opened
     * @throws StoredStateException when a recorded row is damaged; the store is left as it is
     */
    public static DurableState open(Path stateDir, ObjectMapper mapper, Clock clock, CommitListener commits) {
        RecordCodec codec = new RecordCodec(mapper);
        Store store = Store.open(stateDir);
        try {
            RestoredState restored = store.inTransaction(new StateLoader(codec)::load);
            return new DurableState(store, requireNonNull(commits, "commits"), restored, codec,
                    requireNonNull(clock, "clock"));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Returns the state the last run recorded. */
    public RestoredState restored() {
        return restored;
    }

    /** Returns the journal the driver records its changes in. */
    public DriverJournal driverJournal() {
        return new StoredDriverJournal(journalStore, codec, clock);
    }

    /** Returns the journal the IPAM records its changes in. */
    public IpamJournal ipamJournal() {
        return new StoredIpamJournal(journalStore, codec);
    }

    /** Returns the store's scratch directory {@code name}, emptied now; see {@link Store#scratchDirectory}. */
    public Path scratchDirectory(String name) {
        return store.scratchDirectory(name);
    }

    /** Closes the store. */
    @Override
    public void close() {
        store.close();
    }
}
