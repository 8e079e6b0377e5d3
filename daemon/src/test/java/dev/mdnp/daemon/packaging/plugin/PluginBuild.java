package dev.mdnp.daemon.packaging.plugin;

import dev.mdnp.daemon.testsupport.E2eEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@code scripts/build-plugin}: builds the managed plugin and creates it, disabled, on the engine at
 * {@code dockerHost}.
 *
 * @param took how long the build and the create took together
 * @param output what the script printed (its progress and the rootfs size)
 */
record PluginBuild(Duration took, String output) {

    /** A rootfs, a jlink runtime, a training run and a create: minutes on a busy 2-core machine. */
    private static final Duration LIMIT = Duration.ofMinutes(15);

    /** Runs {@code scripts/build-plugin --tag TAG --name NAME} with DOCKER_HOST set; fails with its output if it fails. */
    static PluginBuild run(String dockerHost, String tag, String name) throws IOException, InterruptedException {
        Path log = Files.createTempFile("mdnpt-build-plugin-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(E2eEnvironment.script("scripts/build-plugin").toString(),
                    "--tag", tag, "--name", name)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().put("DOCKER_HOST", dockerHost);
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("build-plugin did not finish within " + LIMIT + ":\n" + read(log));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            String output = read(log);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("build-plugin failed (" + process.exitValue() + "):\n" + output);
            }
            return new PluginBuild(took, output);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Returns the script's line with the rootfs size and its parts. */
    String sizeLine() {
        List<String> lines = output.lines().filter(line -> line.startsWith("build-plugin: rootfs ")).toList();
        return lines.isEmpty() ? "(no size line)" : lines.get(0);
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
