package dev.mdnp.daemon.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The child process of {@link StoreDurabilityTest}: commits networks one transaction each, prints
 * {@code committed N} once the last commit has returned, then waits on stdin, never closing the store, until the test
 * kills it with SIGKILL.
 */
final class CommittingProcess {

    static final String COMMITTED = "committed ";

    private CommittingProcess() {
    }

    /** Arguments: the state directory and the number of networks to commit. */
    public static void main(String[] args) throws IOException {
        Store store = Store.open(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        for (int i = 0; i < count; i++) {
            NetworkRow row = new NetworkRow("network-" + i, "bridge-" + i, "{}", Instant.EPOCH);
            store.runInTransaction(tx -> tx.networks().insert(row));
        }
        System.out.println(COMMITTED + count);
        System.out.flush();
        // Block without closing the store: the WAL is not checkpointed, so the reopen must recover it.
        System.in.read();
        store.close();
    }
}
