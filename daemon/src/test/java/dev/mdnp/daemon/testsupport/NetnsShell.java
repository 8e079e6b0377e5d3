package dev.mdnp.daemon.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs programs, each bounded by a timeout, either in the test's own namespaces or in one network namespace made by
 * {@code ip netns add} ({@code nsenter --net=/run/netns/NAME}, which keeps the mount namespace: unlike
 * {@code ip netns exec}, it mounts nothing and leaves no copy of anyone's mounts behind). Immutable.
 */
public final class NetnsShell {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final File NO_INPUT = new File("/dev/null");

    private final List<String> prefix;
    private final String where;

    private NetnsShell(List<String> prefix, String where) {
        this.prefix = List.copyOf(prefix);
        this.where = where;
    }

    /** Returns a shell in the test JVM's own namespaces. */
    public static NetnsShell here() {
        return new NetnsShell(List.of(), "here");
    }

    /** Returns a shell whose programs run in the network namespace {@code /run/netns/NAME}. */
    public static NetnsShell in(String netns) {
        return new NetnsShell(List.of("nsenter", "--net=" + netnsPath(netns), "--"), "in " + netns);
    }

    /** Returns where the namespace {@code name} made by {@code ip netns add} is bound. */
    public static Path netnsPath(String name) {
        return Path.of("/run/netns", name);
    }

    /** Returns the command prefix that runs a program in this shell's namespace; empty for {@link #here()}. */
    public List<String> prefix() {
        return prefix;
    }

    /** Runs {@code command} with no input, waits at most 30 s for it, and returns its result. */
    public Result run(String... command) throws IOException, InterruptedException {
        return run(DEFAULT_TIMEOUT, command);
    }

    /** Runs {@code command} with no input and returns its result; throws when it takes longer than {@code timeout}. */
    public Result run(Duration timeout, String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(Arrays.asList(command));
        Process process = new ProcessBuilder(full).redirectInput(NO_INPUT).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process, false));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process, true));
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(String.join(" ", command) + " (" + where + ") did not finish within "
                    + timeout);
        }
        return new Result(String.join(" ", command), process.exitValue(), out.join().strip(), err.join().strip());
    }

    /** Runs {@code command} and returns its standard output, failing with its error output when it exits non-zero. */
    public String ok(String... command) throws IOException, InterruptedException {
        Result result = run(command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(result.command() + " (" + where + ") failed (" + result.exitCode() + "): "
                    + result.err());
        }
        return result.out();
    }

    /** Returns whether {@code program} is an executable file in a directory of {@code PATH}. */
    public static boolean installed(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
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
     * The outcome of one program.
     *
     * @param command the command line, without the namespace prefix
     * @param exitCode its exit status
     * @param out standard output, stripped
     * @param err standard error, stripped
     */
    public record Result(String command, int exitCode, String out, String err) {

        /** Returns whether it exited with status 0. */
        public boolean succeeded() {
            return exitCode == 0;
        }
    }
}
