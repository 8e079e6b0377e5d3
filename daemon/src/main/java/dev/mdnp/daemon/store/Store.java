package dev.mdnp.daemon.store;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * mdnp's state: one SQLite database, {@code state.db} in the state directory, which this class opens, checks,
 * migrates and changes in transactions. Every change of one CNM or IPAM call goes into one transaction, committed
 * before the reply:
 *
 * <pre>{@code
 * try (Store store = Store.open(Path.of("/var/lib/mdnp"))) {
 *     store.runInTransaction(tx -> {
 *         tx.networks().insert(new NetworkRow(id, bridge, requestJson, clock.instant()));
 *         tx.allocations().insert(new AllocationRow(poolId, "10.7.0.1"));
 *     });
 *     List<EndpointRow> endpoints = store.inTransaction(tx -> tx.endpoints().listByNetwork(id));
 * }
 * }</pre>
 *
 * <p><b>Durability.</b> The database runs in WAL mode with {@code synchronous=FULL}: a commit returns only after the
 * WAL is synced to disk, so a call that got its reply keeps its state through a crash of mdnp and a loss of power.
 * {@code NORMAL}, the usual choice for WAL, syncs only at checkpoints; it survives a crash of the process but may lose
 * the last commits on power loss, which would break the promise that a 200 is durable. The sync costs about one
 * {@code fsync} per call.
 *
 * <p><b>Threads.</b> Thread-safe. One connection, guarded by a lock, runs one transaction at a time; SQLite would
 * serialise writers anyway, and a single connection never meets {@code SQLITE_BUSY} from itself. Transactions start
 * with {@code BEGIN IMMEDIATE}, so a transaction that only reads takes the same path. A transaction cannot nest:
 * pass the {@link Transaction} down instead. Another process holding the database (an operator's {@code sqlite3})
 * is waited for up to the busy timeout.
 *
 * <p><b>Ownership.</b> The store owns its connection and the lock of its state directory, so no other daemon (nor
 * another store of this process) uses the directory while it is open; {@link #close()} closes and releases both.
 * Every method throws {@link StoreException}.
 */
public final class Store implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Store.class);
    private static final int BUSY_TIMEOUT_MILLIS = 5_000;

    private final Path file;
    /** Held for the store's life, released by {@link #close()}. */
    private final StateLock stateLock;
    /** Guards {@link #connection} and {@link #closed}. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Connection connection;
    private boolean closed;

    private Store(Path file, StateLock stateLock, Connection connection) {
        this.file = file;
        this.stateLock = stateLock;
        this.connection = connection;
    }

    /**
     * Opens the state in {@code stateDir}: creates the directory (0700; missing parents get the default mode) when
     * missing, refuses a directory group or others may write, takes the directory's lock, creates {@code state.db}
     * (0600) when missing, checks the file, narrows a looser file mode to 0600, then migrates the file to the current
     * schema, one transaction per migration. A file that is corrupt, not mdnp's, or of a newer schema is left
     * untouched, byte for byte, and the {@link StoreException} (reason {@code UNUSABLE}) names it and says what to do.
     * The first store a process opens loads SQLite's native library through the directory's {@code native/}
     * ({@link SqliteLibrary}).
     *
     * <p>The lock is an OS lock on {@code state.lock} (0600) in the directory, held until {@link #close()} and
     * dropped by the OS when the process dies. While another process holds it, or another open store of this
     * process, the open fails with reason {@code IN_USE} before the database is touched: two daemons never share
     * state.
     */
    public static Store open(Path stateDir) {
        long start = System.nanoTime();
        Path directory = requireNonNull(stateDir, "stateDir").toAbsolutePath();
        StateFiles.prepareDirectory(directory);
        StateLock stateLock = StateLock.acquire(directory);
        try {
            SqliteLibrary.load(directory);
            Path file = StateFiles.prepareDatabase(directory);
            DatabaseCheck.verify(file);
            StateFiles.narrowPermissions(file);
            Connection connection = connect(file);
            try {
                int before = Migrations.migrate(connection, file);
                log.info("state opened path={} schema={} migratedFrom={} took={}ms", file, Migrations.latest(),
                        before, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                return new Store(file, stateLock, connection);
            } catch (RuntimeException e) {
                closeAfter(connection, e);
                throw e;
            }
        } catch (RuntimeException e) {
            releaseAfter(stateLock, e);
            throw e;
        }
    }

    /** Returns the database file. */
    public Path path() {
        return file;
    }

    /**
     * Returns the directory {@code name} in the state directory, for files that live only while a call of this
     * process runs: created (0700) when missing and emptied, so what a killed earlier run left there goes now. The
     * state directory's lock, held while the store is open, makes it this process's alone; call it at start, before
     * anything writes there.
     *
     * @throws StoreException if the directory cannot be created or emptied
     */
    public Path scratchDirectory(String name) {
        Path directory = file.resolveSibling(name);
        try {
            StateFiles.emptyDirectory(directory);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.FAILURE, "prepare scratch directory " + directory + ": "
                    + e, e);
        }
        return directory;
    }

    /**
     * Runs {@code work} in one transaction and returns its result: commits when it returns, rolls back and rethrows
     * when it throws, so a failed call leaves no trace. Blocks while another thread's transaction runs.
     *
     * @throws IllegalStateException when called inside a transaction of this thread
     */
    public <T extends @Nullable Object> T inTransaction(Work<T> work) {
        requireNonNull(work, "work");
        if (lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("nested transaction on " + file + "; pass the Transaction down instead");
        }
        lock.lock();
        try {
            if (closed) {
                throw new StoreException(StoreException.Reason.FAILURE, "state database " + file + " is closed",
                        null);
            }
            long start = System.nanoTime();
            execute("BEGIN IMMEDIATE", "begin transaction");
            Transaction tx = new Transaction(connection, Thread.currentThread());
            T result;
            try {
                result = work.apply(tx);
                tx.end();
                execute("COMMIT", "commit transaction");
            } catch (RuntimeException | Error e) {
                tx.end();
                rollbackAfter(e);
                throw e;
            }
            log.debug("transaction committed took={}us", TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start));
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code action} in one transaction, like {@link #inTransaction} for work without a result. */
    public void runInTransaction(Action action) {
        requireNonNull(action, "action");
        inTransaction(tx -> {
            action.run(tx);
            return Boolean.TRUE;
        });
    }

    /**
     * Closes the database, SQLite checkpointing the WAL into it, then releases the state directory's lock, even when
     * the close failed. Closing twice is no error.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                throw new IllegalStateException("close of " + file + " inside a transaction");
            }
            if (closed) {
                return;
            }
            closed = true;
            try {
                connection.close();
            } catch (SQLException e) {
                StoreException failure = SqlErrors.translate("close state database " + file, e);
                releaseAfter(stateLock, failure);
                throw failure;
            }
            stateLock.close();
            log.info("state closed path={}", file);
        } finally {
            lock.unlock();
        }
    }

    /** Returns the JDBC URL of a database file. */
    static String url(Path file) {
        return "jdbc:sqlite:" + file;
    }

    private static Connection connect(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        Connection connection;
        try {
            connection = config.createConnection(url(file));
        } catch (SQLException e) {
            throw SqlErrors.translate("open state database " + file, e);
        }
        try {
            configure(connection, file);
            return connection;
        } catch (SQLException e) {
            StoreException failure = SqlErrors.translate("configure state database " + file, e);
            closeAfter(connection, failure);
            throw failure;
        } catch (RuntimeException e) {
            closeAfter(connection, e);
            throw e;
        }
    }

    /** Sets what is per connection (foreign keys, synchronous) and what is per file (WAL) before anything else. */
    private static void configure(Connection connection, Path file) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA foreign_keys = ON");
            try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode = WAL")) {
                String journal = mode.next() ? mode.getString(1) : "";
                if (!"wal".equalsIgnoreCase(journal)) {
                    throw new StoreException(StoreException.Reason.FAILURE, "state database " + file
                            + " cannot use WAL mode (journal_mode is " + journal + "); is it on a network file"
                            + " system?", null);
                }
            }
            statement.execute("PRAGMA synchronous = FULL");
        }
    }

    /**
     * Runs a statement of the transaction's frame (begin, commit). When it fails because the file system refused a
     * write, the message also says what writing in the state directory meets now: SQLite says only "disk I/O error"
     * when the kernel turned the file system read-only, and "database or disk is full" also when a little space is
     * left but not enough for the write-ahead log to grow.
     */
    private void execute(String sql, String action) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            StoreException failure = SqlErrors.translate(action + " on " + file, e);
            if (!SqlErrors.isStorageFailure(e)) {
                throw failure;
            }
            Path directory = file.getParent();
            throw new StoreException(failure.reason(), failure.getMessage() + " ("
                    + StateFiles.probeWrite(directory == null ? file : directory) + ")", e);
        }
    }

    /** Rolls back after {@code failure}; a rollback that fails too is kept as suppressed, the failure stays first. */
    private void rollbackAfter(Throwable failure) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void releaseAfter(StateLock stateLock, Throwable failure) {
        try {
            stateLock.close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static void closeAfter(Connection connection, Throwable failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Work done in one transaction, returning a result. */
    @FunctionalInterface
    public interface Work<T extends @Nullable Object> {
        /** Does the work with the tables of {@code tx}. */
        T apply(Transaction tx);
    }

    /** Work done in one transaction, returning nothing. */
    @FunctionalInterface
    public interface Action {
        /** Does the work with the tables of {@code tx}. */
        void run(Transaction tx);
    }
}
