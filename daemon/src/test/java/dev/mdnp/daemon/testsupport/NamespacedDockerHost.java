package dev.mdnp.daemon.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension that gives a test class a Docker host of its own, beside the machine's engines and without
 * touching them: the namespaces of {@link DockerHostNamespaces} (a Docker host with FORWARD policy DROP and IPv4
 * forwarding off, and an outside host behind its uplink), a {@link NamespacedDockerd} in the Docker host run with the
 * given dockerd flags and the test image {@value #IMAGE} imported into it, and an mdnp daemon (plugin {@value #PLUGIN})
 * started from the built jar inside the Docker host's network namespace, on that engine's private plugin directory.
 * Register it on a static field; everything is made once per class.
 *
 * <p>After each test it removes the containers and networks the test made through {@link #network} and
 * {@link #server}, then checks that no rule of any mdnp network ({@code mdnp:BRIDGE}) and no mdnp link is left in the
 * Docker host; a failed test first gets mdnp's log and the host's rules printed. After the class, also after a
 * failure, everything is undone: the daemon and dockerd are stopped by the PIDs this extension started, any process
 * still in the namespace (containerd, shims) is killed by its PID, the namespaces (and the veth with them), the
 * engine's cgroups and its directory {@code /var/tmp/mdnpt-dh<id>} are removed. Needs root and the programs of
 * docker.io, iptables, iproute2 and busybox-static; skips without them, except under {@code CI=true}, where it fails.
 * Tests run one at a time.
 */
public final class NamespacedDockerHost implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    /** The image every engine of the tests has: Debian's static busybox, imported (no registry). */
    public static final String IMAGE = "local/busybox";
    /** The plugin name, as in {@code docker network create -d mdnp}: the engine is private, so the real one. */
    public static final String PLUGIN = "mdnp";
    /** The TCP port every {@link #server} answers on. */
    public static final int SERVER_PORT = 80;

    private static final String ENGINE_SCRIPT = "scripts/lib/netns-dockerd";
    private static final String BUSYBOX_LIB = "scripts/lib/busybox-image.sh";
    private static final List<String> PROGRAMS = List.of("ip", "nsenter", "unshare", "dockerd", "containerd",
            "iptables", "ip6tables", "iptables-save", "ip6tables-save", "busybox", "bash", "docker");
    private static final Path WORK_ROOT = Path.of("/var/tmp");
    private static final Duration IMPORT_TIMEOUT = Duration.ofSeconds(120);
    /** Veths are deleted in the background, off Docker's critical path (see {@code DataplaneE2eTest}). */
    private static final Duration LEFTOVERS_GONE = Duration.ofSeconds(20);

    private final List<String> dockerdArgs;
    private final List<String> containers = new CopyOnWriteArrayList<>();
    private final List<String> networks = new CopyOnWriteArrayList<>();

    private @Nullable Path dir;
    private @Nullable DockerHostNamespaces namespaces;
    private @Nullable NamespacedDockerd dockerd;
    private @Nullable DaemonProcess daemon;
    private @Nullable String forwardingBeforeMdnp;

    private NamespacedDockerHost(List<String> dockerdArgs) {
        this.dockerdArgs = List.copyOf(dockerdArgs);
    }

    /** An extension whose dockerd runs with {@code args} (besides its private directories and cgroup parent). */
    public static NamespacedDockerHost withDockerdArgs(String... args) {
        return new NamespacedDockerHost(Arrays.asList(args));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path script = requirePrerequisites();
        try {
            start(script);
        } catch (Exception | AssertionError e) {
            tearDown(e);
            throw e;
        }
    }

    private void start(Path script) throws IOException, InterruptedException {
        String id = E2ePlugin.randomHex(3);
        dir = WORK_ROOT.resolve("mdnpt-dh" + id);
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        namespaces = DockerHostNamespaces.create(id);
        dockerd = NamespacedDockerd.start(script, namespaces.host(), dir, "mdnpt-dh" + id, dockerdArgs);
        NetnsShell.Result imported = NetnsShell.here().run(IMPORT_TIMEOUT, "bash", "-c",
                "source \"$1\" && import_busybox_image \"$2\" \"$3\" -H \"$4\"", "import",
                repositoryFile(BUSYBOX_LIB).toString(), IMAGE, dir.toString(), dockerd.host());
        if (!imported.succeeded()) {
            throw new IllegalStateException("could not import " + IMAGE + ": " + imported.err());
        }
        forwardingBeforeMdnp = namespaces.ipv4Forwarding();
        Path workDir = Files.createDirectory(dir.resolve("mdnp"));
        daemon = DaemonProcess.start(new DaemonProcess.Launch(PLUGIN, dockerd.pluginDir(), workDir,
                namespaces.inHost().prefix(), List.of("--docker-host", dockerd.host())));
    }

    /** Skips (fails under CI) unless the machine has what the host needs; returns the engine script. */
    private static Path requirePrerequisites() {
        Privilege.require(Privilege.isRoot(), "a namespaced Docker host needs root");
        for (String program : PROGRAMS) {
            Privilege.require(NetnsShell.installed(program), program + " is not installed: a namespaced Docker host"
                    + " needs docker.io, iptables, iproute2, util-linux and busybox-static");
        }
        E2eEnvironment.daemonJar();
        Path script = repositoryFile(ENGINE_SCRIPT);
        repositoryFile(BUSYBOX_LIB);
        return script;
    }

    /** Finds a file of the repository from the working directory or above: Failsafe runs in the module. */
    private static Path repositoryFile(String relative) {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            if (Files.isRegularFile(at.resolve(relative))) {
                return at.resolve(relative);
            }
        }
        Privilege.require(false, relative + " not found above " + Path.of("").toAbsolutePath());
        throw new AssertionError("unreachable: require skips or fails");
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (daemon == null) {
            return;
        }
        if (context.getExecutionException().isPresent()) {
            try {
                printDiagnostics(context.getDisplayName());
            } catch (IOException | RuntimeException e) {
                System.err.println("could not gather the diagnostics of " + context.getDisplayName() + ": " + e);
            }
        }
        removeAll();
        await().atMost(LEFTOVERS_GONE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(namespaces().rules()).as("no rule of an mdnp network is left in %s", namespaces().host())
                    .filteredOn(line -> line.startsWith("-A "))
                    .noneMatch(line -> line.contains("mdnp:"));
            assertThat(namespaces().links()).as("no mdnp link is left in %s", namespaces().host())
                    .noneMatch(link -> link.startsWith("mdnp"));
        });
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        tearDown(null);
    }

    /**
     * Undoes everything made so far, in reverse order, going on past a failing step; throws the first failure with
     * the others suppressed, or adds them to {@code cause} when the start failed.
     */
    private void tearDown(@Nullable Throwable cause) throws Exception {
        List<Exception> failures = new ArrayList<>();
        attempt(failures, this::removeEverythingInTheEngine);
        attempt(failures, this::stopDaemon);
        attempt(failures, this::stopDockerd);
        attempt(failures, this::deleteNamespaces);
        attempt(failures, this::removeDirectory);
        if (failures.isEmpty()) {
            return;
        }
        if (cause != null) {
            failures.forEach(cause::addSuppressed);
            return;
        }
        Exception first = failures.get(0);
        failures.subList(1, failures.size()).forEach(first::addSuppressed);
        throw first;
    }

    /** One undo step; it may find its object missing (never made, already gone). */
    @FunctionalInterface
    private interface Undo {
        void run() throws Exception;
    }

    private static void attempt(List<Exception> failures, Undo undo) {
        try {
            undo.run();
        } catch (Exception e) {
            failures.add(e);
        }
    }

    private void removeEverythingInTheEngine() throws Exception {
        if (dockerd == null) {
            return;
        }
        removeAll();
        String left = dockerd.docker().ok("ps", "-aq");
        if (!left.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("rm", "-f"));
            args.addAll(left.lines().toList());
            dockerd.docker().ok(args.toArray(String[]::new));
        }
    }

    private void stopDaemon() throws InterruptedException {
        if (daemon != null) {
            daemon.close();
            daemon = null;
        }
    }

    private void stopDockerd() throws IOException, InterruptedException {
        if (dockerd != null) {
            NamespacedDockerd stopping = dockerd;
            dockerd = null;
            stopping.close();
        }
    }

    private void deleteNamespaces() throws IOException, InterruptedException {
        if (namespaces != null) {
            DockerHostNamespaces deleting = namespaces;
            namespaces = null;
            deleting.close();
        }
    }

    /** Unmounts what a killed engine may have left mounted below its directory (nothing, normally), then deletes it. */
    private void removeDirectory() throws IOException, InterruptedException {
        if (dir == null) {
            return;
        }
        String below = dir + "/";
        List<String> mounts = Files.readAllLines(Path.of("/proc/self/mounts"), StandardCharsets.UTF_8).stream()
                .map(line -> line.split(" ")[1])
                .filter(mountPoint -> mountPoint.startsWith(below))
                .sorted(Comparator.reverseOrder())
                .toList();
        for (String mountPoint : mounts) {
            NetnsShell.here().ok("umount", "-l", mountPoint);
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
        dir = null;
    }

    private void printDiagnostics(String test) throws IOException, InterruptedException {
        StringBuilder report = new StringBuilder("---- " + test + " failed on " + namespaces().host() + " ----\n");
        report.append("-- mdnp log:\n").append(daemon().log());
        report.append("-- iptables-save, ip6tables-save:\n").append(String.join("\n", namespaces().rules()));
        report.append("\n-- ip addr:\n").append(inHost().run("ip", "-br", "addr").out());
        report.append("\n-- dockerd log (tail):\n").append(dockerd().logTail()).append('\n');
        System.err.println(report);
    }

    /** Returns the docker CLI of this host's engine. */
    public DockerCli docker() {
        return dockerd().docker();
    }

    /** Returns the mdnp daemon running in this host. */
    public DaemonProcess daemon() {
        if (daemon == null) {
            throw new IllegalStateException("the namespaced Docker host is not running");
        }
        return daemon;
    }

    /** Returns the namespaces: the Docker host's and the outside host's. */
    public DockerHostNamespaces namespaces() {
        if (namespaces == null) {
            throw new IllegalStateException("the namespaced Docker host is not running");
        }
        return namespaces;
    }

    /** Returns a shell in the Docker host's network namespace. */
    public NetnsShell inHost() {
        return namespaces().inHost();
    }

    /** Returns a shell in the outside host's network namespace. */
    public NetnsShell inOutside() {
        return namespaces().inOutside();
    }

    /** Returns {@code net.ipv4.ip_forward} of the Docker host as it was right before mdnp started. */
    public String ipv4ForwardingBeforeMdnp() {
        if (forwardingBeforeMdnp == null) {
            throw new IllegalStateException("the namespaced Docker host is not running");
        }
        return forwardingBeforeMdnp;
    }

    /** Creates a network on mdnp ({@code -d mdnp} plus {@code options}), removed after the test; returns its name. */
    public String network(String... options) throws IOException, InterruptedException {
        String name = "nofw-" + E2ePlugin.randomHex(3);
        List<String> args = new ArrayList<>(List.of("network", "create", "-d", PLUGIN));
        args.addAll(Arrays.asList(options));
        args.add(name);
        docker().ok(args.toArray(String[]::new));
        networks.add(name);
        return name;
    }

    /** Returns the Linux bridge mdnp made for a network: {@code mdnpb} and the first 10 digits of its ID. */
    public String bridgeOf(String network) throws IOException, InterruptedException {
        return "mdnpb" + docker().ok("network", "inspect", "--format", "{{.Id}}", network).substring(0, 10);
    }

    /**
     * Starts a container on {@code network} that answers every TCP connection to port {@value #SERVER_PORT} with its
     * own name and a newline: busybox {@code nc -ll} (a persistent listener, so no connection finds it between two
     * rounds of a loop). {@code --init} makes it stop at once. Removed after the test; returns its name.
     *
     * @param runOptions further {@code docker run} options, such as {@code -p 8080:80}
     */
    public String server(String network, String... runOptions) throws IOException, InterruptedException {
        String name = "nofw-" + E2ePlugin.randomHex(4);
        List<String> args = new ArrayList<>(List.of("run", "-d", "--init", "--name", name, "--net", network));
        args.addAll(Arrays.asList(runOptions));
        args.addAll(List.of(IMAGE, "nc", "-ll", "-p", String.valueOf(SERVER_PORT), "-e", "echo", name));
        containers.add(name);
        docker().ok(args.toArray(String[]::new));
        return name;
    }

    /** Returns a container's IPv4 address on a network. */
    public String ipv4(String container, String network) throws IOException, InterruptedException {
        return docker().ok("inspect", "--format",
                "{{(index .NetworkSettings.Networks \"" + network + "\").IPAddress}}", container);
    }

    /** Forgets a container the test removed itself. */
    public void removedContainer(String container) {
        containers.remove(container);
    }

    /** Forgets a network the test removed itself. */
    public void removedNetwork(String network) {
        networks.remove(network);
    }

    /** Removes every container and then every network the test made so far (also done after each test). */
    public void removeAll() throws IOException, InterruptedException {
        for (String container : containers) {
            docker().run("rm", "-f", container);
        }
        containers.clear();
        for (String network : networks) {
            docker().run("network", "rm", network);
        }
        networks.clear();
    }

    private NamespacedDockerd dockerd() {
        if (dockerd == null) {
            throw new IllegalStateException("the namespaced Docker host is not running");
        }
        return dockerd;
    }
}
