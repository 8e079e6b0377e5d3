package dev.mdnp.daemon.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A commit that returned survives a SIGKILL of the process right after it. */
class StoreDurabilityTest {

    private static final int NETWORKS = 25;

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void committedStateSurvivesAKillRightAfterTheCommit() throws IOException, InterruptedException {
        Path dir = temp.resolve("state");
        Process child = startChild(dir);
        String line = firstCommittedLine(child);
        child.destroyForcibly();
        child.waitFor();

        assertThat(line).isEqualTo(CommittingProcess.COMMITTED + NETWORKS);
        assertThat(Files.size(dir.resolve("state.db-wal"))).as("WAL left for recovery").isPositive();
        try (Store store = Store.open(dir)) {
            var networks = store.inTransaction(tx -> tx.networks().list());

            assertThat(networks).hasSize(NETWORKS);
        }
    }

    private Process startChild(Path dir) throws IOException {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                CommittingProcess.class.getName(), dir.toString(), String.valueOf(NETWORKS));
        return new ProcessBuilder(command)
                .redirectError(temp.resolve("child.err").toFile())
                .start();
    }

    /** Returns the child's "committed" line, or what it printed before it ended without one. */
    private String firstCommittedLine(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(CommittingProcess.COMMITTED)) {
                return line;
            }
            seen.append(line).append('\n');
        }
        return seen + Files.readString(temp.resolve("child.err"));
    }
}
