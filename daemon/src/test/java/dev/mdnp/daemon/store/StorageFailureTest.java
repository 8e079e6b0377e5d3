package dev.mdnp.daemon.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * What the store adds to a commit that the file system refused: which SQLite errors count as such, and what the
 * write probe says. The full and the read-only disk themselves are in {@code StateDiskFaultsKernelTest}.
 */
class StorageFailureTest {

    @TempDir
    Path temp;

    @Test
    void aFullDiskAnIoErrorAndAReadOnlyFileAreStorageFailuresAConstraintIsNot() {
        assertThat(SqlErrors.isStorageFailure(failure(SQLiteErrorCode.SQLITE_FULL))).isTrue();
        assertThat(SqlErrors.isStorageFailure(failure(SQLiteErrorCode.SQLITE_IOERR_WRITE))).isTrue();
        assertThat(SqlErrors.isStorageFailure(failure(SQLiteErrorCode.SQLITE_READONLY))).isTrue();
        assertThat(SqlErrors.isStorageFailure(failure(SQLiteErrorCode.SQLITE_CANTOPEN))).isTrue();
        assertThat(SqlErrors.isStorageFailure(failure(SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE))).isFalse();
        assertThat(SqlErrors.isStorageFailure(failure(SQLiteErrorCode.SQLITE_BUSY))).isFalse();
    }

    @Test
    void aProbeOfAWritableDirectoryReportsTheFreeSpaceAndLeavesNoFile() throws IOException {
        String probe = StateFiles.probeWrite(temp);

        assertThat(probe).startsWith(temp + " has ").endsWith(" bytes free");
        try (var files = Files.list(temp)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aProbeThatCannotWriteSaysWhere() {
        Path missing = temp.resolve("missing");

        assertThat(StateFiles.probeWrite(missing)).startsWith("writing in " + missing + " fails: ");
    }

    private static SQLiteException failure(SQLiteErrorCode code) {
        return new SQLiteException(code.message, code);
    }
}
