package dev.mdnp.daemon.testsupport;

import static dev.mdnp.daemon.testsupport.Privilege.isRoot;
import static dev.mdnp.daemon.testsupport.Privilege.require;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What end-to-end tests need from the machine: root, the private Docker engine started by {@code scripts/test}
 * ({@code MDNP_E2E_DOCKER_HOST}) and the built daemon jar. Missing pieces skip the test loudly, except under
 * {@code CI=true}, where they fail it: CI must never pass by skipping. Recovery tests also restart and kill that
 * engine, through the script that started it.
 */
public final class E2eEnvironment {

    private static final String ENGINE_SCRIPT = "scripts/e2e-dockerd";
    /** A graceful restart waits up to 60 s for dockerd to stop and 60 s for it to answer again. */
    private static final long ENGINE_SCRIPT_TIMEOUT_SECONDS = 180;
    /** Extra dockerd flags the engine script passes on when it starts dockerd. */
    private static final String DOCKERD_ARGS = "MDNP_E2E_DOCKERD_ARGS";

    private E2eEnvironment() {
    }

    /** Returns the private engine's DOCKER_HOST, or skips (fails under CI) when the environment lacks something. */
    public static String requireDockerHost() {
        String host = System.getenv("MDNP_E2E_DOCKER_HOST");
        require(host != null && !host.isBlank(),
                "MDNP_E2E_DOCKER_HOST is not set: run end-to-end tests through scripts/test, which starts a private"
                        + " Docker engine");
        require(isRoot(), "end-to-end tests need root");
        return host;
    }

    /**
     * Stops the private engine gracefully and starts it again ({@code scripts/e2e-dockerd restart}): its containers
     * are stopped, those with a restart policy come back. Returns once it answers.
     */
    public static void restartDockerd() throws IOException, InterruptedException {
        runEngineScript("restart", List.of());
    }

    /**
     * Restarts the private engine gracefully as {@link #restartDockerd()} does, with {@code dockerdArgs} added to
     * dockerd's flags ({@code MDNP_E2E_DOCKERD_ARGS}), e.g. {@code --live-restore}; the next restart or kill without
     * them starts it with the default flags again.
     */
    public static void restartDockerdWith(List<String> dockerdArgs) throws IOException, InterruptedException {
        runEngineScript("restart", dockerdArgs);
    }

    /**
     * Kills the private engine with SIGKILL, as a crash does, and starts it again ({@code scripts/e2e-dockerd kill}).
     * Returns once it answers.
     */
    public static void killDockerd() throws IOException, InterruptedException {
        runEngineScript("kill", List.of());
    }

    /** Kills the private engine as {@link #killDockerd()} does and starts it with {@code dockerdArgs} added. */
    public static void killDockerdWith(List<String> dockerdArgs) throws IOException, InterruptedException {
        runEngineScript("kill", dockerdArgs);
    }

    /**
     * Makes sure the private engine answers, starting it again when it does not: tests that restart it leave it
     * running for the tests after them, also when they fail half-way.
     */
    public static void ensureDockerdAnswers() throws IOException, InterruptedException {
        if (new DockerCli(requireDockerHost()).run("version").exitCode() != 0) {
            runEngineScript("restart", List.of());
        }
    }

    /**
     * Makes sure the private engine answers and runs with the default flags: one a test started with
     * {@code --live-restore} is restarted without it (its containers must be gone by then: live-restore keeps them).
     */
    public static void ensureDefaultDockerd() throws IOException, InterruptedException {
        DockerCli docker = new DockerCli(requireDockerHost());
        DockerCli.Result liveRestore = docker.run("info", "--format", "{{.LiveRestoreEnabled}}");
        if (liveRestore.exitCode() != 0 || !liveRestore.out().equals("false")) {
            runEngineScript("restart", List.of());
        }
    }

    /**
     * Runs {@code scripts/e2e-dockerd COMMAND}, failing with its output when it fails. Skips (fails under CI) when
     * the script is missing or manages another engine than {@code MDNP_E2E_DOCKER_HOST}: restarting an engine the
     * tests do not use would test nothing and disturb its owner.
     */
    private static String runEngineScript(String command, List<String> dockerdArgs)
            throws IOException, InterruptedException {
        String host = requireDockerHost();
        Path script = script(ENGINE_SCRIPT);
        String managed = run(script, "host", List.of());
        require(managed.strip().equals(host), ENGINE_SCRIPT + " manages " + managed.strip()
                + ", but MDNP_E2E_DOCKER_HOST is " + host + ": it cannot restart the engine the tests use");
        return run(script, command, dockerdArgs);
    }

    private static String run(Path script, String command, List<String> dockerdArgs)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(script.toString(), command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        // Set or cleared, never inherited: a test's restart gets exactly the flags it asks for.
        if (dockerdArgs.isEmpty()) {
            builder.environment().remove(DOCKERD_ARGS);
        } else {
            builder.environment().put(DOCKERD_ARGS, String.join(" ", dockerdArgs));
        }
        Process process = builder.start();
        // The script detaches dockerd from every pipe of ours, so the output ends when the script does.
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "<unreadable: " + e + ">";
            }
        });
        if (!process.waitFor(ENGINE_SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(ENGINE_SCRIPT + " " + command + " did not finish in time");
        }
        String text = output.join();
        if (process.exitValue() != 0) {
            throw new IllegalStateException(ENGINE_SCRIPT + " " + command + " failed (" + process.exitValue()
                    + "):\n" + text);
        }
        return text;
    }

    /**
     * Finds the repository's script at {@code relativePath} (e.g. {@code scripts/build-plugin}) in the working
     * directory or above it: Failsafe runs in the module, the scripts are at the top. Skips (fails under CI) when
     * there is none.
     */
    public static Path script(String relativePath) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve(relativePath);
            if (Files.isExecutable(script)) {
                return script;
            }
        }
        require(false, relativePath + " not found above " + Path.of("").toAbsolutePath());
        throw new AssertionError("unreachable: require skips or fails");
    }

    /** Returns the daemon jar built by {@code mvn package}, passed in by Failsafe. */
    public static Path daemonJar() {
        String jar = System.getProperty("mdnp.daemon.jar", "target/mdnp-daemon.jar");
        Path path = Path.of(jar).toAbsolutePath();
        require(Files.isRegularFile(path), "daemon jar " + path + " is missing: run mvn package first");
        return path;
    }
}
