package dev.mdnp.daemon.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that opens a store loads SQLite's native library from the state directory and leaves no copy of it on
 * disk, so a SIGKILL leaves nothing behind; files a killed earlier run left there are removed. The store is opened
 * in a child process: this test's own JVM loaded the library long before.
 */
class SqliteLibraryTest {

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void theLibraryIsLoadedFromTheStateDirectoryAndNoCopyOutlivesAKill() throws IOException, InterruptedException {
        Path dir = temp.resolve("state");
        Path nativeDir = dir.resolve(SqliteLibrary.DIRECTORY);
        Files.createDirectories(nativeDir);
        Path leftover = Files.writeString(nativeDir.resolve("sqlite-0.0.0-leftover-libsqlitejdbc.so"), "stale");
        Path stderr = temp.resolve("child.err");
        Process child = CommittingProcess.start(dir, 1, stderr);
        List<String> mapped;
        List<Path> onDisk;
        try {
            assertThat(CommittingProcess.awaitCommitted(child, stderr)).isEqualTo(CommittingProcess.COMMITTED + 1);
            mapped = Files.readAllLines(Path.of("/proc", Long.toString(child.pid()), "maps")).stream()
                    .filter(line -> line.contains("sqlitejdbc"))
                    .toList();
            onDisk = filesIn(nativeDir);
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }

        assertThat(mapped).as("the library the child mapped").isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains(nativeDir + "/").endsWith("(deleted)"));
        assertThat(onDisk).as("files in %s while the child runs", nativeDir).isEmpty();
        assertThat(leftover).doesNotExist();
        assertThat(filesIn(nativeDir)).as("files in %s after a SIGKILL", nativeDir).isEmpty();
    }

    private static List<Path> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }
}
