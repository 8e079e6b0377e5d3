package dev.mdnp.daemon.store;

import static dev.mdnp.daemon.store.SampleRows.network;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Random;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A state file that is corrupt, foreign or too new stops the open and stays exactly as it was. */
class StoreRefusalTest {

    @TempDir
    Path temp;

    @Test
    void randomBytesAreRefusedAsCorruptAndLeftUntouched() throws IOException {
        Path dir = Files.createDirectory(temp.resolve("state"));
        byte[] garbage = new byte[16 * 1024];
        new Random(42).nextBytes(garbage);
        Path file = Files.write(dir.resolve("state.db"), garbage);

        assertRefused(dir).hasMessageContaining("is corrupt");
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
    }

    /** Cut inside a page, and on a page boundary (SQLite pages are 4096 bytes), where the pages look whole. */
    @ParameterizedTest
    @ValueSource(ints = {0, 4096})
    void aTruncatedDatabaseIsRefusedAsCorruptAndLeftUntouched(int alignment) throws IOException {
        Path dir = temp.resolve("state");
        try (Store store = Store.open(dir)) {
            store.runInTransaction(tx -> {
                for (int i = 0; i < 2_000; i++) {
                    tx.networks().insert(network("network-" + i, "bridge-" + i));
                }
            });
        }
        Path file = dir.resolve("state.db");
        byte[] whole = Files.readAllBytes(file);
        int length = alignment == 0 ? whole.length / 2 + 100 : whole.length / 2 / alignment * alignment;
        byte[] truncated = Arrays.copyOf(whole, length);
        Files.write(file, truncated);

        assertRefused(dir).hasMessageContaining("is corrupt");
        assertThat(Files.readAllBytes(file)).isEqualTo(truncated);
    }

    @Test
    void aNewerSchemaIsRefusedAndLeftUntouched() throws IOException, SQLException {
        Path dir = temp.resolve("state");
        Store.open(dir).close();
        Path file = dir.resolve("state.db");
        execute(file, "PRAGMA user_version = 99");
        byte[] before = Files.readAllBytes(file);

        assertRefused(dir)
                .hasMessageContaining("has schema version 99, newer than this mdnp knows (" + Migrations.latest() + ")")
                .hasMessageContaining("run the newer mdnp");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aNewerSchemaInRollbackJournalModeKeepsItsJournalMode() throws IOException, SQLException {
        Path dir = temp.resolve("state");
        Store.open(dir).close();
        Path file = dir.resolve("state.db");
        execute(file, "PRAGMA journal_mode = DELETE");
        int newer = Migrations.latest() + 1;
        execute(file, "PRAGMA user_version = " + newer);
        byte[] before = Files.readAllBytes(file);

        assertRefused(dir).hasMessageContaining("has schema version " + newer + ", newer than");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void anotherApplicationsDatabaseIsRefusedAndLeftUntouched() throws IOException, SQLException {
        Path dir = Files.createDirectory(temp.resolve("state"));
        Path file = dir.resolve("state.db");
        execute(file, "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)");
        byte[] before = Files.readAllBytes(file);

        assertRefused(dir).hasMessageContaining("is not mdnp's state (application_id 0x00000000)");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void anEmptyFileIsANewDatabase() throws IOException {
        Path dir = Files.createDirectory(temp.resolve("state"));
        Files.createFile(dir.resolve("state.db"));

        try (Store store = Store.open(dir)) {
            var networks = store.inTransaction(tx -> tx.networks().list());

            assertThat(networks).isEmpty();
        }
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Path dir) {
        Path file = dir.resolve("state.db");
        return assertThatThrownBy(() -> Store.open(dir))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(StoreException.Reason.UNUSABLE))
                .hasMessageStartingWith("state database " + file + " ")
                .hasMessageContaining("mdnp left it untouched");
    }

    private static void execute(Path file, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(Store.url(file));
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
