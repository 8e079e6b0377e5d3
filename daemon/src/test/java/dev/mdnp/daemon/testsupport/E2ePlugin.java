package dev.mdnp.daemon.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HexFormat;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension for end-to-end tests: before each test it starts the daemon as a separate process under a fresh
 * plugin name in Docker's plugin directory (so the private engine activates it anew); after it, it removes the
 * containers and networks the test made through {@link #network} and {@link #container}, then stops the daemon,
 * checking that SIGTERM removed the socket. Skips (fails under CI) when the e2e environment is missing.
 */
public final class E2ePlugin implements BeforeEachCallback, AfterEachCallback {

    private static final Path PLUGIN_DIR = Path.of("/run/docker/plugins");
    private static final String IMAGE = "local/busybox";

    private final List<String> containers = new CopyOnWriteArrayList<>();
    private final List<String> networks = new CopyOnWriteArrayList<>();

    private DockerCli docker;
    private DaemonProcess daemon;
    private String name;
    private Path workDir;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        docker = new DockerCli(E2eEnvironment.requireDockerHost());
        name = "mdnpe2e" + randomHex(3);
        workDir = Files.createTempDirectory("mdnp-e2e-");
        daemon = DaemonProcess.start(name, PLUGIN_DIR, workDir);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (daemon == null) {
            return;
        }
        removeAll();
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

    /** Creates a network on this plugin ({@code -d NAME} plus {@code options}), removed after the test. */
    public String network(String... options) throws Exception {
        String name = "mdnp-e2e-" + randomHex(3);
        List<String> args = new ArrayList<>(List.of("network", "create", "-d", this.name));
        args.addAll(Arrays.asList(options));
        args.add(name);
        docker.ok(args.toArray(String[]::new));
        networks.add(name);
        return name;
    }

    /** Removes every container and network the test made so far (also done after each test). */
    public void removeAll() throws Exception {
        for (String container : containers) {
            docker.run("rm", "-f", container);
        }
        containers.clear();
        for (String network : networks) {
            docker.run("network", "rm", network);
        }
        networks.clear();
    }

    /** Forgets a network the test removed itself. */
    public void removed(String network) {
        networks.remove(network);
    }

    /** Starts a busybox container that sleeps on {@code network}, removed after the test; safe from many threads. */
    public String container(String network, String... options) throws Exception {
        String name = "mdnp-e2e-" + randomHex(4);
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", name, "--net", network));
        args.addAll(Arrays.asList(options));
        args.addAll(List.of(IMAGE, "sleep", "300"));
        containers.add(name);
        docker.ok(args.toArray(String[]::new));
        return name;
    }

    /** Runs a command in a container and returns its output, failing when it fails. */
    public String exec(String container, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of("exec", container));
        args.addAll(Arrays.asList(command));
        return docker.ok(args.toArray(String[]::new));
    }

    /** Returns {@code bytes} random bytes as lower-case hex, for unique names. */
    public static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
