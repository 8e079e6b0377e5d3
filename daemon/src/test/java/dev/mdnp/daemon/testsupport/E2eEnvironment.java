package dev.mdnp.daemon.testsupport;

import static dev.mdnp.daemon.testsupport.Privilege.isRoot;
import static dev.mdnp.daemon.testsupport.Privilege.require;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What end-to-end tests need from the machine: root, the private Docker engine started by {@code scripts/test}
 * ({@code MDNP_E2E_DOCKER_HOST}) and the built daemon jar. Missing pieces skip the test loudly, except under
 * {@code CI=true}, where they fail it: CI must never pass by skipping.
 */
public final class E2eEnvironment {

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

    /** Returns the daemon jar built by {@code mvn package}, passed in by Failsafe. */
    public static Path daemonJar() {
        String jar = System.getProperty("mdnp.daemon.jar", "target/mdnp-daemon.jar");
        Path path = Path.of(jar).toAbsolutePath();
        require(Files.isRegularFile(path), "daemon jar " + path + " is missing: run mvn package first");
        return path;
    }
}
