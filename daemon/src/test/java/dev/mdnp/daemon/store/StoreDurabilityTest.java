package dev.mdnp.daemon.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A commit that returned survives a SIGKILL of the process right after it, which also drops the state's lock. */
class StoreDurabilityTest {

    private static final int NETWORKS = 25;

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void committedStateSurvivesAKillRightAfterTheCommit() throws IOException, InterruptedException {
        Path dir = temp.resolve("state");
        Path stderr = temp.resolve("child.err");
        Process child = CommittingProcess.start(dir, NETWORKS, stderr);
        String line;
        try {
            line = CommittingProcess.awaitCommitted(child, stderr);
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }

        assertThat(line).isEqualTo(CommittingProcess.COMMITTED + NETWORKS);
        assertThat(Files.size(dir.resolve("state.db-wal"))).as("WAL left for recovery").isPositive();
        try (Store store = Store.open(dir)) {
            var networks = store.inTransaction(tx -> tx.networks().list());

            assertThat(networks).hasSize(NETWORKS);
        }
    }
}
