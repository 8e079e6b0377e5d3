package dev.mdnp.daemon.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A child process for the tests that need a store in another process ({@link StoreDurabilityTest},
 * {@link StoreLockTest}): opens the store, commits networks one transaction each, prints {@code committed N} once
 * the last commit has returned, then waits on stdin, holding the store (and so the state directory's lock) open; it
 * closes the store and ends when stdin ends, unless the test kills it first with SIGKILL. When the open fails it ends
 * with the exception on stderr and a non-zero status. The static methods are the test's side.
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

    /** Starts the child on {@code stateDir}, committing {@code count} networks; its stderr goes to {@code stderr}. */
    static Process start(Path stateDir, int count, Path stderr) throws IOException {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                CommittingProcess.class.getName(), stateDir.toString(), String.valueOf(count));
        return new ProcessBuilder(command)
                .redirectError(stderr.toFile())
                .start();
    }

    /**
     * Returns the child's "committed" line once it printed it, or, when it ended without one, what it printed to
     * stdout and {@code stderr}.
     */
    static String awaitCommitted(Process child, Path stderr) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(COMMITTED)) {
                return line;
            }
            seen.append(line).append('\n');
        }
        return seen + Files.readString(stderr);
    }
}
