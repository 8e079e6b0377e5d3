package dev.mdnp.daemon.testsupport;

import static dev.mdnp.daemon.testsupport.Privilege.isRoot;
import static dev.mdnp.daemon.testsupport.Privilege.require;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        runEngineScript("restart");
    }

    /**
     * Kills the private engine with SIGKILL, as a crash does, and starts it again ({@code scripts/e2e-dockerd kill}).
     * Returns once it answers.
     */
    public static void killDockerd() throws IOException, InterruptedException {
        runEngineScript("kill");
    }

    /**
     * Makes sure the private engine answers, starting it again when it does not: tests that restart it leave it
     * running for the tests after them, also when they fail half-way.
     */
    public static void ensureDockerdAnswers() throws IOException, InterruptedException {
        if (new DockerCli(requireDockerHost()).run("version").exitCode() != 0) {
            runEngineScript("restart");
        }
    }

    /**
     * Runs {@code scripts/e2e-dockerd COMMAND}, failing with its output when it fails. Skips (fails under CI) when
     * the script is missing or manages another engine than {@code MDNP_E2E_DOCKER_HOST}: restarting an engine the
     * tests do not use would test nothing and disturb its owner.
     */
    private static String runEngineScript(String command) throws IOException, InterruptedException {
        String host = requireDockerHost();
        Path script = engineScript();
        String managed = run(script, "host");
        require(managed.strip().equals(host), ENGINE_SCRIPT + " manages " + managed.strip()
                + ", but MDNP_E2E_DOCKER_HOST is " + host + ": it cannot restart the engine the tests use");
        return run(script, command);
    }

    private static String run(Path script, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(script.toString(), command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
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

    /** Finds the script in the working directory or above it: Failsafe runs in the module, the script is at the top. */
    private static Path engineScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve(ENGINE_SCRIPT);
            if (Files.isExecutable(script)) {
                return script;
            }
        }
        require(false, ENGINE_SCRIPT + " not found above " + Path.of("").toAbsolutePath());
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
