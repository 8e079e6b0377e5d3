package dev.mdnp.daemon.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code docker} command line, pointed at the private test engine. It prefers the CLI Debian's docker.io
 * installs beside the engine, whose API version matches it: a newer CLI refuses some flags against an older engine
 * (e.g. a per-network {@code --mac-address} needs API 1.44, Docker 20.10 speaks 1.41).
 */
public final class DockerCli {

    private static final long TIMEOUT_SECONDS = 120;
    private static final Path ENGINE_CLI = Path.of("/usr/bin/docker");

    private final String host;

    /** Creates a CLI for the engine at {@code host} (a DOCKER_HOST value). */
    public DockerCli(String host) {
        this.host = host;
    }

    /** Runs {@code docker ARGS} and returns its result. */
    public Result run(String... args) throws IOException, InterruptedException {
        String cli = Files.isExecutable(ENGINE_CLI) ? ENGINE_CLI.toString() : "docker";
        List<String> command = new ArrayList<>(List.of(cli, "-H", host));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process, false));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process, true));
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("docker " + String.join(" ", args) + " did not finish in time");
        }
        return new Result(process.exitValue(), out.join().strip(), err.join().strip());
    }

    /** Runs {@code docker ARGS} and returns its standard output, failing when it exits non-zero. */
    public String ok(String... args) throws IOException, InterruptedException {
        Result result = run(args);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("docker " + String.join(" ", args) + " failed (" + result.exitCode()
                    + "): " + result.err());
        }
        return result.out();
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
     * The outcome of one docker command.
     *
     * @param exitCode the exit status
     * @param out standard output, stripped
     * @param err standard error, stripped
     */
    public record Result(int exitCode, String out, String err) {
    }
}
