package dev.mdnp.daemon.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The threads and open file descriptors of this JVM, which runs the fuzzed daemon: the entries of
 * {@code /proc/self/task} and {@code /proc/self/fd}.
 *
 * @param threads the number of threads
 * @param fds the number of open file descriptors
 */
record ProcessCounts(long threads, long fds) {

    /** Counts them now. */
    static ProcessCounts now() throws IOException {
        return new ProcessCounts(count(Path.of("/proc/self/task")), count(Path.of("/proc/self/fd")));
    }

    /** Returns the larger of each count. */
    ProcessCounts max(ProcessCounts other) {
        return new ProcessCounts(Math.max(threads, other.threads), Math.max(fds, other.fds));
    }

    private static long count(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.count();
        }
    }
}
