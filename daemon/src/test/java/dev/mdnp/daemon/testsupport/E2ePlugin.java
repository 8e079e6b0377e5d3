package dev.mdnp.daemon.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension for end-to-end tests: before each test it starts the daemon as a separate process under a fresh
 * plugin name in Docker's plugin directory (so the private engine activates it anew), and stops it afterwards,
 * checking that SIGTERM removed the socket. Skips (fails under CI) when the e2e environment is missing.
 */
public final class E2ePlugin implements BeforeEachCallback, AfterEachCallback {

    private static final Path PLUGIN_DIR = Path.of("/run/docker/plugins");

    private DockerCli docker;
    private DaemonProcess daemon;
    private String name;
    private Path workDir;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        docker = new DockerCli(E2eEnvironment.requireDockerHost());
        name = "mdnpe2e" + randomHex(3);
        workDir = Files.createTempDirectory("mdnp-e2e-");
        daemon = DaemonProcess.start(name, PLUGIN_DIR, workDir.resolve("daemon.log"));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (daemon == null) {
            return;
        }
        daemon.close();
        if (context.getExecutionException().isPresent()) {
            System.err.println("---- daemon log of " + context.getDisplayName() + " ----\n" + daemon.log());
        }
        assertThat(daemon.socket()).as("socket removed on SIGTERM").doesNotExist();
        Files.deleteIfExists(workDir.resolve("daemon.log"));
        Files.deleteIfExists(workDir);
    }

    /** Returns the docker CLI of the private engine. */
    public DockerCli docker() {
        return docker;
    }

    /** Returns the running daemon. */
    public DaemonProcess daemon() {
        return daemon;
    }

    /** Returns the plugin name, as in {@code docker network create -d NAME}. */
    public String name() {
        return name;
    }

    /** Returns {@code bytes} random bytes as lower-case hex, for unique names. */
    public static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
