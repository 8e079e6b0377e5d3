package dev.mdnp.daemon.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 * containers and networks the test made through {@link #network} and {@link #container}, checks after a passed test
 * that nothing of the plugin's is left ({@link MdnpAudit#leftovers}: networks, endpoints, pools, links of its device
 * groups, rules with its name, network namespaces), then stops the daemon, checking that SIGTERM removed the socket.
 * Skips (fails under CI) when the e2e environment is missing.
 * A test may kill the daemon and start it again ({@link #killDaemon}, {@link #restartDaemon}); a daemon a failed test
 * left dead is started again before the clean-up, so that Docker's calls reach it instead of timing out.
 */
public final class E2ePlugin implements BeforeEachCallback, AfterEachCallback {

    private static final Path PLUGIN_DIR = Path.of("/run/docker/plugins");
    private static final String IMAGE = "local/busybox";
    /** Veths are deleted in the background, orphans collected every --reconcile-interval: slack for both. */
    private static final Duration NOTHING_LEFT = Duration.ofSeconds(30);

    private final List<String> containers = new CopyOnWriteArrayList<>();
    private final List<String> networks = new CopyOnWriteArrayList<>();
    private final List<String> serveArgs;

    private DockerCli docker;
    private DaemonProcess daemon;
    private String name;
    private Path workDir;

    /**
     * An extension whose daemons run with the usual {@code serve} arguments and {@code --docker-host} set to the
     * private engine, so that what they ask Docker they ask the engine the test drives.
     */
    public E2ePlugin() {
        this(List.of());
    }

    private E2ePlugin(List<String> serveArgs) {
        this.serveArgs = List.copyOf(serveArgs);
    }

    /**
     * An extension like {@link #E2ePlugin()} whose daemons also get {@code moreServeArgs}; a {@code --docker-host}
     * among them replaces the private engine's (the test's docker CLI still drives that engine).
     */
    public static E2ePlugin withServeArgs(String... moreServeArgs) {
        return new E2ePlugin(Arrays.asList(moreServeArgs));
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        String host = E2eEnvironment.requireDockerHost();
        docker = new DockerCli(host);
        name = "mdnpe2e" + randomHex(3);
        workDir = Files.createTempDirectory("mdnp-e2e-");
        List<String> args = new ArrayList<>(serveArgs.contains("--docker-host") ? List.of()
                : List.of("--docker-host", host));
        args.addAll(serveArgs);
        daemon = DaemonProcess.start(new DaemonProcess.Launch(name, PLUGIN_DIR, workDir, List.of(), args));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (daemon == null) {
            return;
        }
        if (!daemon.process().isAlive()) {
            restartForCleanUp();
        }
        removeAll();
        AssertionError left = null;
        if (context.getExecutionException().isEmpty()) {
            try {
                new MdnpAudit(this).awaitNothingLeft(NOTHING_LEFT);
            } catch (AssertionError e) {
                left = e;
            }
        }
        daemon.close();
        if (context.getExecutionException().isPresent() || left != null) {
            System.err.println("---- daemon log of " + context.getDisplayName() + " ----\n" + daemon.log());
        }
        if (left != null) {
            throw left;
        }
        assertThat(daemon.socket()).as("socket removed on SIGTERM").doesNotExist();
        List<String> rules = HostFirewall.rules();
        assertThat(rules).as("a daemon stopped without networks leaves no rule of its own")
                .noneMatch(rule -> rule.contains("mdnp:" + name + ":"));
        if (HostFirewall.networkRules().isEmpty()) {
            assertThat(rules).as("with no other daemon's networks left, nothing of mdnp's either")
                    .noneMatch(rule -> rule.contains("mdnp") || rule.contains("MDNP"));
        }
        deleteWorkDir();
    }

    private void restartForCleanUp() {
        try {
            daemon = daemon.restart();
        } catch (IOException | RuntimeException e) {
            System.err.println("could not start the daemon again to clean up after the test: " + e);
        }
    }

    /** Deletes the log and the state directory: nothing else is in it. */
    private void deleteWorkDir() throws IOException {
        List<Path> paths;
        try (var walk = Files.walk(workDir)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }

    /** Kills the daemon with SIGKILL, as a crash does; its socket file stays behind, as after a real crash. */
    public void killDaemon() throws InterruptedException {
        daemon.kill();
    }

    /**
     * Starts the daemon again under the same name, state directory and arguments, its log going on in the same file,
     * and returns it; {@link #daemon()} returns it from now on. A daemon still running is stopped first (SIGTERM).
     */
    public DaemonProcess restartDaemon() throws IOException, InterruptedException {
        if (daemon.process().isAlive()) {
            daemon.close();
        }
        daemon = daemon.restart();
        return daemon;
    }

    /** Returns the docker CLI of the private engine. */
    public DockerCli docker() {
        return docker;
    }

    /** Returns the running daemon: the one {@link #restartDaemon} started, once it has been called. */
    public DaemonProcess daemon() {
        return daemon;
    }

    /** Returns the plugin name, as in {@code docker network create -d NAME}. */
    public String name() {
        return name;
    }

    /** Creates a network on this plugin ({@code -d NAME} plus {@code options}), removed after the test. */
    public String network(String... options) throws Exception {
        return network(this.name, "mdnp-e2e-" + randomHex(3), options);
    }

    /**
     * Creates a network on this plugin under the given name, removed after the test: for tests that show Docker's
     * names to a person (screenshots), where {@code front} reads better than a random name.
     */
    public String networkNamed(String network, String... options) throws Exception {
        return network(this.name, network, options);
    }

    /**
     * Creates a network on Docker's built-in driver ({@code -d bridge} plus {@code options}), removed after the test:
     * what parity tests compare mdnp with.
     */
    public String builtInNetwork(String... options) throws Exception {
        return network("bridge", "mdnp-e2e-bridge-" + randomHex(3), options);
    }

    private String network(String driver, String name, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("network", "create", "-d", driver));
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
        return containerNamed("mdnp-e2e-" + randomHex(4), network, options);
    }

    /** Starts a busybox container named {@code container} that sleeps on {@code network}, removed after the test. */
    public String containerNamed(String container, String network, String... options) throws Exception {
        Run run = runContainer(container, network, Arrays.asList(options), List.of("sleep", "300"));
        if (run.result().exitCode() != 0) {
            throw new IllegalStateException("docker run of " + run.name() + " on " + network + " failed ("
                    + run.result().exitCode() + "): " + run.result().err());
        }
        return run.name();
    }

    /**
     * Runs {@code docker run -d} of a busybox container on {@code network} with {@code options} and {@code command}
     * and returns its name and the result, which may be a failure (a host port taken); the container, which a failed
     * run leaves created, is removed after the test. Safe from many threads.
     */
    public Run runContainer(String network, List<String> options, List<String> command) throws Exception {
        return runContainer("mdnp-e2e-" + randomHex(4), network, options, command);
    }

    private Run runContainer(String name, String network, List<String> options, List<String> command)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", name, "--net", network));
        args.addAll(options);
        args.add(IMAGE);
        args.addAll(command);
        containers.add(name);
        return new Run(name, docker.run(args.toArray(String[]::new)));
    }

    /**
     * A {@code docker run} of {@link #runContainer}.
     *
     * @param name the container's name
     * @param result what {@code docker run} exited with and printed
     */
    public record Run(String name, DockerCli.Result result) {
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
