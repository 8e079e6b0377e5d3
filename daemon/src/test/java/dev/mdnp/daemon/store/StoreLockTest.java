package dev.mdnp.daemon.store;

import static dev.mdnp.daemon.store.SampleRows.network;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two stores, in one process or in two, never use the same state directory at once. */
class StoreLockTest {

    @TempDir
    Path temp;

    @Test
    void aSecondOpenInTheSameProcessIsRefusedUntilTheFirstCloses() {
        Path dir = temp.resolve("state");
        Store first = Store.open(dir);
        try {
            first.runInTransaction(tx -> tx.networks().insert(network("n1", "br1")));

            assertInUse(dir).hasMessageContaining("(another store of this process)");

            var networks = first.inTransaction(tx -> tx.networks().list());
            assertThat(networks).as("the first store works on").hasSize(1);
        } finally {
            first.close();
        }
        try (Store second = Store.open(dir)) {
            var networks = second.inTransaction(tx -> tx.networks().list());

            assertThat(networks).hasSize(1);
        }
    }

    @Test
    void theSameDirectoryByAnotherPathIsRefusedToo() throws IOException {
        Path dir = temp.resolve("state");
        Path link = Files.createSymbolicLink(temp.resolve("link"), dir.getFileName());
        try (Store first = Store.open(dir)) {
            assertInUse(link);

            var networks = first.inTransaction(tx -> tx.networks().list());
            assertThat(networks).as("the first store works on").isEmpty();
        }
    }

    /**
     * A refused open in the same process must not drop the lock the first store holds: the OS drops all of a
     * process's locks on a file when any descriptor of it closes, so the refusal must not open the file at all.
     */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aRefusedOpenInTheSameProcessKeepsTheLockForOtherProcesses() throws IOException, InterruptedException {
        Path dir = temp.resolve("state");
        Path stderr = temp.resolve("child.err");
        try (Store first = Store.open(dir)) {
            assertInUse(dir);

            Process child = CommittingProcess.start(dir, 0, stderr);
            boolean ended = child.waitFor(1, TimeUnit.MINUTES);
            child.destroyForcibly();

            assertThat(ended).as("the child failed to open and ended").isTrue();
            assertThat(child.exitValue()).isNotZero();
            assertThat(Files.readString(stderr))
                    .contains("state directory " + dir + " is in use by another mdnp daemon (pid "
                            + ProcessHandle.current().pid() + "); stop it, or pass another --state-dir");
            var networks = first.inTransaction(tx -> tx.networks().list());
            assertThat(networks).as("the child wrote nothing").isEmpty();
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void anOpenIsRefusedWhileAnotherProcessHoldsTheStateAndSucceedsAfterItStops()
            throws IOException, InterruptedException {
        Path dir = temp.resolve("state");
        Path stderr = temp.resolve("child.err");
        Process child = CommittingProcess.start(dir, 1, stderr);
        try {
            assertThat(CommittingProcess.awaitCommitted(child, stderr)).isEqualTo(CommittingProcess.COMMITTED + 1);

            assertInUse(dir).hasMessageContaining("(pid " + child.pid() + ")");

            child.getOutputStream().close();
            assertThat(child.waitFor(1, TimeUnit.MINUTES)).as("the child closed its store and ended").isTrue();
            assertThat(child.exitValue()).isZero();
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        try (Store store = Store.open(dir)) {
            var networks = store.inTransaction(tx -> tx.networks().list());

            assertThat(networks).extracting(NetworkRow::id).containsExactly("network-0");
        }
    }

    @Test
    void theLockFileHasMode0600AndHoldsThePid() throws IOException {
        Path dir = temp.resolve("state");
        try (Store store = Store.open(dir)) {
            Path lock = store.path().resolveSibling("state.lock");

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lock))).isEqualTo("rw-------");
            assertThat(Files.readString(lock)).isEqualTo(ProcessHandle.current().pid() + "\n");
        }
    }

    @Test
    void aLooseLockFileModeIsNarrowedTo0600() throws IOException {
        Path dir = temp.resolve("state");
        Store.open(dir).close();
        Path lock = dir.resolve("state.lock");
        Files.setPosixFilePermissions(lock, PosixFilePermissions.fromString("rw-rw-rw-"));

        try (Store store = Store.open(dir)) {
            assertThat(store.path().resolveSibling("state.lock")).isEqualTo(lock);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lock))).isEqualTo("rw-------");
        }
    }

    @Test
    void aLockPathThatIsNotARegularFileIsRefused() throws IOException {
        Path dir = Files.createDirectory(temp.resolve("state"));
        Files.createSymbolicLink(dir.resolve("state.lock"), temp.resolve("elsewhere"));

        assertThatThrownBy(() -> Store.open(dir))
                .isInstanceOf(StoreException.class)
                .hasMessage("state lock " + dir.resolve("state.lock") + " is not a regular file; move it aside")
                .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(StoreException.Reason.UNUSABLE));
        assertThat(temp.resolve("elsewhere")).doesNotExist();
        assertThat(dir.resolve("state.db")).doesNotExist();
    }

    @Test
    void aRefusedDatabaseReleasesTheLock() throws IOException {
        Path dir = Files.createDirectory(temp.resolve("state"));
        byte[] garbage = new byte[8 * 1024];
        new Random(7).nextBytes(garbage);
        Files.write(dir.resolve("state.db"), garbage);
        assertThatThrownBy(() -> Store.open(dir)).isInstanceOf(StoreException.class).hasMessageContaining("is corrupt");

        Files.delete(dir.resolve("state.db"));

        try (Store store = Store.open(dir)) {
            var networks = store.inTransaction(tx -> tx.networks().list());

            assertThat(networks).isEmpty();
        }
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertInUse(Path dir) {
        return assertThatThrownBy(() -> Store.open(dir))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(StoreException.Reason.IN_USE))
                .hasMessageStartingWith("state directory " + dir.toAbsolutePath() + " is in use by another mdnp daemon")
                .hasMessageEndingWith("; stop it, or pass another --state-dir");
    }
}
