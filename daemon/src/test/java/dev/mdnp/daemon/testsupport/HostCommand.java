package dev.mdnp.daemon.testsupport;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * A command of the end-to-end fixtures run on the host (or, through {@code ip netns exec} or {@code nsenter}, in a
 * namespace of the test's), always bounded: one that does not finish in time is killed and fails the test. Standard
 * input is {@code /dev/null}, so that a client ({@code nc}) never waits for the test to type.
 */
public final class HostCommand {

    private static final File DEV_NULL = Path.of("/dev/null").toFile();

    private HostCommand() {
    }

    /** Runs {@code command}, killing it after {@code timeout}, and returns its result. */
    public static Result run(Duration timeout, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                .start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process, false));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process, true));
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
        }
        return new Result(process.exitValue(), out.join().strip(), err.join().strip());
    }

    /** Runs {@code command} (bounded by 30 s) and returns its standard output, failing when it exits non-zero. */
    public static String ok(String... command) throws IOException, InterruptedException {
        Result result = run(Duration.ofSeconds(30), List.of(command));
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + result.exitCode() + "): "
                    + result.err() + result.out());
        }
        return result.out();
    }

    /**
     * Starts {@code command} in the background, e.g. a listener; the caller closes it. It should bound itself too
     * ({@code timeout N ...}), so that it cannot outlive a test JVM that is killed.
     */
    public static Background start(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                .start();
        return new Background(String.join(" ", command), process);
    }

    private static String read(Process process, boolean stderr) {
        try {
            byte[] bytes = (stderr ? process.getErrorStream() : process.getInputStream()).readAllBytes();
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "<unreadable: " + e + ">";
        }
    }

    /**
     * The outcome of one command.
     *
     * @param exitCode the exit status
     * @param out standard output, stripped
     * @param err standard error, stripped
     */
    public record Result(int exitCode, String out, String err) {
    }

    /** A command running in the background whose output lines are collected as they come. */
    public static final class Background implements AutoCloseable {

        private final String description;
        private final Process process;
        private final List<String> lines = new CopyOnWriteArrayList<>();

        private Background(String description, Process process) {
            this.description = description;
            this.process = process;
            Thread reader = new Thread(this::collect, "output of " + description);
            reader.setDaemon(true);
            reader.start();
        }

        private void collect() {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("<unreadable: " + e + ">");
            }
        }

        /** Returns the lines printed so far. */
        public List<String> lines() {
            return new ArrayList<>(lines);
        }

        /**
         * Waits up to {@code timeout} for a line matching {@code wanted}; fails with everything printed so far when
         * none comes or the command ends first.
         */
        public String awaitLine(Predicate<String> wanted, Duration timeout) {
            Awaitility.await(description).atMost(timeout).pollInterval(Duration.ofMillis(50))
                    .until(() -> lines.stream().anyMatch(wanted) || !process.isAlive());
            return lines.stream().filter(wanted).findFirst().orElseThrow(() -> new IllegalStateException(
                    description + " ended without the line expected; it printed: " + lines));
        }

        /** Stops the command (SIGTERM, then SIGKILL) and waits for it. */
        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
