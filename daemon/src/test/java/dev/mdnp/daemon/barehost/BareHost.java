package dev.mdnp.daemon.barehost;

import dev.mdnp.daemon.testsupport.DockerCli;
import dev.mdnp.daemon.testsupport.HostCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A container of a minimal Debian image ({@code scripts/lib/debian-image.sh}: no JDK, no Maven) holding a clean copy
 * of the repository at {@code /mdnp} (the working tree without {@code .git} and {@code target}), with a directory of
 * the host bind-mounted as its plugin directory, so that the test can reach the plugin socket. It has its own network
 * namespace on the engine's default bridge (apt and Maven Central are reached through the engine's NAT), so nothing
 * the daemon builds there touches the host. The host's Maven repository, when there is one, is mounted read-only to
 * spare the downloads. Closing removes the container and the directory.
 */
final class BareHost implements AutoCloseable {

    static final String REPOSITORY = "/mdnp";
    static final String PLUGIN_DIR = "/run/mdnpt-plugins";
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration COPY_TIMEOUT = Duration.ofMinutes(2);

    private final DockerCli docker;
    private final String dockerHost;
    private final String name;
    private final Path pluginDir;

    private BareHost(String dockerHost, String name, Path pluginDir) {
        this.docker = new DockerCli(dockerHost);
        this.dockerHost = dockerHost;
        this.name = name;
        this.pluginDir = pluginDir;
    }

    /**
     * Builds (or finds, on that engine) the image {@code mdnpt-debian:SUITE} with iptables, as a host with Docker has
     * it, and starts a container of it, named {@code mdnpt-barehost-PID}, holding a copy of {@code repository}.
     */
    static BareHost start(String dockerHost, Path repository, String suite) throws IOException, InterruptedException {
        String image = "mdnpt-debian:" + suite;
        bash(dockerHost, repository, BUILD_TIMEOUT, "source scripts/lib/debian-image.sh && debian_image \"$@\"",
                image, suite, "iptables");
        BareHost host = new BareHost(dockerHost, "mdnpt-barehost-" + ProcessHandle.current().pid(),
                Files.createTempDirectory("mdnpt-barehost"));
        try {
            List<String> run = new ArrayList<>(List.of("run", "-d", "--name", host.name, "--cap-add", "NET_ADMIN",
                    "-v", host.pluginDir + ":" + PLUGIN_DIR));
            Path maven = Path.of(System.getProperty("user.home"), ".m2", "repository");
            if (Files.isDirectory(maven)) {
                run.addAll(List.of("-v", maven + ":/root/.m2/repository:ro"));
            }
            run.addAll(List.of(image, "sleep", "infinity"));
            host.docker.ok(run.toArray(String[]::new));
            host.docker.ok("exec", host.name, "mkdir", REPOSITORY);
            bash(dockerHost, repository, COPY_TIMEOUT,
                    "tar -c --exclude=./.git --exclude=target . | docker -H \"$1\" cp - \"$2\":" + REPOSITORY,
                    dockerHost, host.name);
            return host;
        } catch (IOException | InterruptedException | RuntimeException e) {
            host.close();
            throw e;
        }
    }

    /** The host's end of the container's plugin directory. */
    Path pluginDir() {
        return pluginDir;
    }

    /** Runs {@code command} in the container as root, bounded by {@code timeout}. */
    HostCommand.Result asRoot(Duration timeout, String... command) throws IOException, InterruptedException {
        return HostCommand.run(timeout, exec("0:0", command));
    }

    /** Runs {@code command} in the container as nobody (uid and gid 65534), bounded by 30 s. */
    HostCommand.Result asNobody(String... command) throws IOException, InterruptedException {
        return HostCommand.run(Duration.ofSeconds(30), exec("65534:65534", command));
    }

    /** Starts {@code command} in the container as root, in the background; its output is collected. */
    HostCommand.Background startAsRoot(String... command) throws IOException {
        return HostCommand.start(exec("0:0", command));
    }

    private List<String> exec(String user, String... command) {
        List<String> argv = new ArrayList<>(List.of("docker", "-H", dockerHost, "exec", "-u", user, name));
        argv.addAll(List.of(command));
        return argv;
    }

    /** Runs {@code script} with bash in {@code dir}, with {@code args} as $1..., failing with its output. */
    private static void bash(String dockerHost, Path dir, Duration timeout, String script, String... args)
            throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("env", "DOCKER_HOST=" + dockerHost, "bash", "-c",
                "cd \"$0\" && " + script, dir.toString()));
        argv.addAll(List.of(args));
        HostCommand.Result result = HostCommand.run(timeout, argv);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(script + " failed (" + result.exitCode() + "):\n" + result.err() + "\n"
                    + result.out());
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            docker.run("rm", "-f", "-v", name);
        } finally {
            try (Stream<Path> paths = Files.walk(pluginDir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
