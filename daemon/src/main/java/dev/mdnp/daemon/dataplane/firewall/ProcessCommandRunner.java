package dev.mdnp.daemon.dataplane.firewall;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands as child processes, each bounded by a timeout, behind an optional command prefix (tests pass
 * {@code ip netns exec <ns>} to run everything in a private network namespace; production passes none).
 *
 * <p>Input and output go through temporary files rather than pipes, so a long listing can never fill a pipe and stall
 * the child, and no reader or writer threads are needed. The files ({@code mdnp-fw-*}) are made in a scratch
 * directory of the caller's, never in {@code /tmp}: the daemon's is in its state directory and emptied at each
 * start, so the files a {@code kill -9} in the middle of a command leaves do not outlive the next start. Every
 * command is reported to the {@link CommandListener}. Stateless, so thread-safe.
 */
final class ProcessCommandRunner implements CommandRunner {

    private static final Logger log = LoggerFactory.getLogger(ProcessCommandRunner.class);
    /** How long to wait for a killed child to be reaped. */
    private static final Duration REAP = Duration.ofSeconds(2);

    private final List<String> prefix;
    private final Duration timeout;
    private final CommandListener listener;
    private final List<Path> searchPath;
    private final Path scratchDirectory;

    /**
     * Creates a runner.
     *
     * @param prefix arguments put before every command, such as {@code ip netns exec NAME}; empty in production
     * @param timeout how long one command may run before it is killed
     * @param listener told about every command
     * @param searchPath the {@code PATH} used to tell whether a program is installed, as the child will find it
     * @param scratchDirectory where each command's input and output files are while it runs
     */
    ProcessCommandRunner(List<String> prefix, Duration timeout, CommandListener listener, String searchPath,
            Path scratchDirectory) {
        this.prefix = List.copyOf(prefix);
        this.timeout = requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, not " + timeout);
        }
        this.listener = requireNonNull(listener, "listener");
        this.searchPath = Pattern.compile(Pattern.quote(File.pathSeparator)).splitAsStream(searchPath)
                .filter(dir -> !dir.isEmpty())
                .map(Path::of)
                .toList();
        this.scratchDirectory = requireNonNull(scratchDirectory, "scratchDirectory");
    }

    @Override
    public boolean isInstalled(String program) {
        if (program.contains("/")) {
            return Files.isExecutable(Path.of(program));
        }
        return searchPath.stream().anyMatch(dir -> Files.isExecutable(dir.resolve(program)));
    }

    @Override
    public CommandResult run(List<String> command, String input) {
        List<String> argv = new ArrayList<>(prefix);
        argv.addAll(command);
        Path in = null;
        Path out = null;
        Path err = null;
        long start = System.nanoTime();
        try {
            try {
                if (!input.isEmpty()) {
                    in = Files.createTempFile(scratchDirectory, "mdnp-fw-", ".in");
                    Files.writeString(in, input, StandardCharsets.UTF_8);
                }
                out = Files.createTempFile(scratchDirectory, "mdnp-fw-", ".out");
                err = Files.createTempFile(scratchDirectory, "mdnp-fw-", ".err");
            } catch (IOException e) { // a full or read-only state disk: say which directory
                throw failed(argv, start, new FirewallException(FirewallException.Reason.UNAVAILABLE,
                        "cannot run " + Tokens.join(argv) + ": cannot write its files in " + scratchDirectory + ": "
                                + e.getMessage(), argv, ""), e);
            }
            return runWithOutputIn(argv, in, out, err, start);
        } catch (IOException e) {
            throw failed(argv, start, new FirewallException(FirewallException.Reason.UNAVAILABLE,
                    "cannot run " + Tokens.join(argv) + ": " + e.getMessage(), argv, ""), e);
        } finally {
            delete(in);
            delete(out);
            delete(err);
        }
    }

    private CommandResult runWithOutputIn(List<String> argv, @Nullable Path in, Path out, Path err, long start)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(argv)
                .redirectInput(ProcessBuilder.Redirect.from(in == null ? new File("/dev/null") : in.toFile()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        // iptables' messages are English anyway; this keeps any helper in the prefix from translating its own.
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                kill(process);
                throw failed(argv, start, new FirewallException(FirewallException.Reason.TIMED_OUT,
                        Tokens.join(argv) + " timed out after " + timeout.toMillis() + " ms", argv,
                        read(err)), null);
            }
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw failed(argv, start, new FirewallException(FirewallException.Reason.INTERRUPTED,
                    Tokens.join(argv) + " interrupted", argv, ""), e);
        }
        CommandResult result = new CommandResult(argv, process.exitValue(), read(out), read(err), since(start));
        log.debug("firewall command `{}` exit={} took={}ms", result.commandLine(), result.exitCode(),
                result.took().toMillis());
        listener.commandFinished(result);
        return result;
    }

    private FirewallException failed(List<String> argv, long start, FirewallException failure,
            @Nullable Throwable cause) {
        if (cause != null) {
            failure.initCause(cause);
        }
        listener.commandFailed(argv, since(start), failure);
        return failure;
    }

    private static void kill(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor(REAP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static void delete(@Nullable Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("cannot delete temporary file {}", file, e);
        }
    }
}
